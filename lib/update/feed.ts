import { MANIFEST_FORMAT, PACK_FORMAT_VERSION } from '../codeset/pack';
import { CODE_SYSTEMS, SYSTEM_LABELS, isCodeSystem, isIsoDate, type CodeSystem } from '../codeset/releases';
import { UpdateError } from './errors';
import { fetchLimited, looksLikeHtml } from './http';

/**
 * A pack feed is the `manifest.json` of a folder of packs (docs/code-packs.md), hosted by an
 * organisation on its own server: the output of `npm run codeset -- build` can be served as is.
 * An entry may add `url` (relative to the feed or absolute http/https) when the pack files live
 * elsewhere; without it the pack is `file` next to the feed.
 */
export interface FeedEntry {
  system: CodeSystem;
  release: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string;
  /** Absolute http(s) address of the pack file. */
  url: string;
  /** sha256 of the pack file (the gzip bytes), lower-case hex. */
  sha256: string;
  /** Size of the pack file in bytes. */
  bytes: number;
  counts: { validCodes: number; headers: number };
}

export interface Feed {
  url: string;
  packs: FeedEntry[];
}

/** Largest feed read (a feed of a hundred packs is about 100 kB). */
export const MAX_FEED_BYTES = 1024 * 1024;
/** Largest pack a feed may list (the FY2026 ICD-10-CM pack is about 1.2 MB). */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;
const MAX_PACKS = 200;
const RELEASE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/;

/**
 * Checks an address typed in the options or set by IT policy before anything is fetched from it:
 * only http and https (a `file:`, `data:` or `javascript:` address is refused), no user name or
 * password in it (they would be stored in plain text and sent with every check).
 */
export function checkFeedUrl(url: string): string {
  return checkHttpUrl(url, url, 'The pack feed address');
}

/** The absolute address of a pack: `url` or `file` of its entry, resolved against the feed. */
export function resolvePackUrl(ref: string, feedUrl: string): string {
  let resolved: URL;
  try {
    resolved = new URL(ref, feedUrl);
  } catch {
    throw new UpdateError('feed', feedUrl, `has a pack address that is not a valid URL: "${clip(ref)}"`);
  }
  return checkHttpUrl(resolved.href, feedUrl, `Pack address "${clip(ref)}"`);
}

function checkHttpUrl(url: string, file: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UpdateError('feed', file, `${what} is not a valid URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new UpdateError('feed', file, `${what} uses "${parsed.protocol}"; only http and https addresses are allowed`);
  if (parsed.username || parsed.password)
    throw new UpdateError('feed', file, `${what} contains a user name or password; use server access rules instead`);
  return parsed.href;
}

/** Parses the text of a feed; a web page or non-JSON answer gets a message saying what came instead. */
export function parseFeed(bytes: Uint8Array, feedUrl: string): Feed {
  if (looksLikeHtml(bytes))
    throw new UpdateError('html', feedUrl, 'answered with a web page (HTML) instead of a pack feed; check the address (a login or proxy page may have answered)');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new UpdateError('feed', feedUrl, 'is not a pack feed (its content is not valid JSON)');
  }
  return validateFeed(json, feedUrl);
}

/** Validates a feed document field by field; every problem names the entry and the field. */
export function validateFeed(json: unknown, feedUrl: string): Feed {
  const fail = (problem: string): never => {
    throw new UpdateError('feed', feedUrl, problem);
  };
  if (!isRecord(json) || json.format !== MANIFEST_FORMAT)
    return fail(`is not a pack feed ("format" must be "${MANIFEST_FORMAT}")`);
  if (json.formatVersion !== PACK_FORMAT_VERSION)
    fail(`has feed format version ${clip(String(json.formatVersion))}; this version of Coder Lens reads version ${PACK_FORMAT_VERSION}`);
  if (!Array.isArray(json.packs)) fail('has no "packs" list');
  const list = json.packs as unknown[];
  if (list.length > MAX_PACKS) fail(`lists ${list.length} packs; at most ${MAX_PACKS} are read`);
  const packs = list.map((p, i) => validateFeedEntry(p, i, feedUrl));
  const seen = new Set<string>();
  for (const p of packs) {
    const key = `${p.system} ${p.release}`;
    if (seen.has(key)) fail(`lists ${SYSTEM_LABELS[p.system]} ${p.release} twice; a feed offers one pack per release`);
    seen.add(key);
  }
  return { url: feedUrl, packs };
}

/**
 * Validates one pack entry of a feed (`i` is its position, for the message); also used to read back
 * the entries kept in a stored update run, which are untrusted like any stored value.
 */
export function validateFeedEntry(p: unknown, i: number, feedUrl: string): FeedEntry {
  const fail = (problem: string): never => {
    throw new UpdateError('feed', feedUrl, `pack entry ${i + 1} ${problem}`);
  };
  if (!isRecord(p)) return fail('is not an object');
  if (!isCodeSystem(p.system))
    fail(`is for an unknown code system "${clip(String(p.system))}" (Coder Lens knows ${CODE_SYSTEMS.join(', ')})`);
  if (p.formatVersion !== undefined && p.formatVersion !== PACK_FORMAT_VERSION)
    fail(`is a pack of format version ${clip(String(p.formatVersion))}; this version of Coder Lens reads version ${PACK_FORMAT_VERSION}`);
  if (typeof p.release !== 'string' || !RELEASE.test(p.release)) fail('has no valid "release" (such as "2026")');
  if (typeof p.title !== 'string' || !p.title.trim() || p.title.length > 200) fail('has no "title"');
  if (!isIsoDate(p.effectiveFrom) || !isIsoDate(p.effectiveTo)) fail('has effective dates that are not yyyy-mm-dd');
  if ((p.effectiveFrom as string) > (p.effectiveTo as string)) fail('ends before it starts (effectiveTo is before effectiveFrom)');
  if (typeof p.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(p.sha256)) fail('has no valid "sha256" (64 hexadecimal digits)');
  if (typeof p.bytes !== 'number' || !Number.isSafeInteger(p.bytes) || p.bytes <= 0) fail('has no valid size ("bytes": the pack file\'s length)');
  if ((p.bytes as number) > MAX_PACK_BYTES) fail(`is ${p.bytes as number} bytes, over the ${MAX_PACK_BYTES}-byte limit for a pack`);
  const counts = p.counts;
  if (!isRecord(counts) || !isCount(counts.validCodes) || !isCount(counts.headers)) fail('has no valid "counts" (validCodes and headers)');
  const ref = p.url ?? p.file;
  if (typeof ref !== 'string' || !ref) fail('has neither "url" nor "file"');
  const c = counts as { validCodes: number; headers: number };
  return {
    system: p.system as CodeSystem,
    release: p.release as string,
    title: (p.title as string).trim(),
    effectiveFrom: p.effectiveFrom as string,
    effectiveTo: p.effectiveTo as string,
    url: resolvePackUrl(ref as string, feedUrl),
    sha256: (p.sha256 as string).toLowerCase(),
    bytes: p.bytes as number,
    counts: { validCodes: c.validCodes, headers: c.headers },
  };
}

export interface FetchFeedOptions {
  fetch: typeof fetch;
  timeoutMs?: number;
}

/**
 * Downloads and validates a feed. `no-cache` asks the server (and any proxy) whether the feed
 * changed instead of answering from a stale copy: an update must not wait for a cache to expire.
 */
export async function fetchFeed(feedUrl: string, options: FetchFeedOptions): Promise<Feed> {
  const url = checkFeedUrl(feedUrl);
  const body = await fetchLimited(url, {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: MAX_FEED_BYTES,
    init: { cache: 'no-cache', headers: { accept: 'application/json' } },
  });
  if (body.overLimit) throw new UpdateError('too-large', url, `is larger than ${MAX_FEED_BYTES} bytes; that is not a pack feed`);
  return parseFeed(body.bytes, url);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Hostile input is quoted in messages; keep it short. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
