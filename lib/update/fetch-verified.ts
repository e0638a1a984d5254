import { gunzipSync, strFromU8 } from 'fflate';
import { CodesetError } from '../codeset/errors';
import { PACK_FORMAT, sha256Hex, validatePack, type Pack } from '../codeset/pack';
import { CODE_SYSTEMS, SYSTEM_LABELS, isCodeSystem } from '../codeset/releases';
import { UpdateError } from './errors';
import { MAX_PACK_BYTES, type FeedEntry } from './feed';
import { fetchLimited, isGzip, looksLikeHtml, looksLikeJson } from './http';

export interface PackDownloadOptions {
  fetch: typeof fetch;
  /** The whole download (default 10 minutes). */
  timeoutMs?: number;
  /** Longest pause between two pieces of the body (default 60 s). */
  idleTimeoutMs?: number;
  /** Hard cap whatever the feed says (default MAX_PACK_BYTES). */
  maxBytes?: number;
  onProgress?: (received: number, total: number) => void | Promise<void>;
}

/** A pack whose bytes matched its feed entry and whose content passed every check. */
export interface VerifiedPack {
  entry: FeedEntry;
  pack: Pack;
  sha256: string;
}

/**
 * Downloads the pack file of a feed entry. Reading stops as soon as the body is longer than the
 * size the feed lists (or the hard cap), so a wrong or endless answer never fills memory; the
 * bytes are then judged by `checkPackBody`.
 */
export async function downloadPack(entry: FeedEntry, options: PackDownloadOptions): Promise<Uint8Array> {
  const cap = options.maxBytes ?? MAX_PACK_BYTES;
  if (entry.bytes > cap) throw new UpdateError('too-large', entry.url, `is ${entry.bytes} bytes according to the feed, over the ${cap}-byte limit`);
  const body = await fetchLimited(entry.url, {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 10 * 60_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
    maxBytes: entry.bytes,
    onProgress: options.onProgress && ((received) => options.onProgress?.(received, entry.bytes)),
  });
  checkPackBody(entry, body.bytes, body.overLimit, body.contentEncoding);
  return body.bytes;
}

/**
 * Says in plain words what arrived when it is not the pack file the feed lists: a web page, a pack
 * the server decompressed on the way, a body longer or shorter than listed, or something else.
 */
export function checkPackBody(entry: FeedEntry, bytes: Uint8Array, overLimit = bytes.length > entry.bytes, contentEncoding = ''): void {
  const fail = (kind: UpdateError['kind'], problem: string): never => {
    throw new UpdateError(kind, entry.url, problem);
  };
  if (!isGzip(bytes)) {
    if (looksLikeHtml(bytes))
      fail('html', 'answered with a web page (HTML) instead of the code pack; check the address (a login or proxy page may have answered)');
    if (looksLikeJson(bytes) && /gzip/i.test(contentEncoding))
      fail('not-a-pack', 'arrived already decompressed: the server sends it with "Content-Encoding: gzip"; it must serve .gz files as they are (application/gzip)');
  }
  if (overLimit) fail('too-large', `is larger than the ${entry.bytes} bytes the feed lists; the file on the server is not the one the feed describes`);
  if (bytes.length < entry.bytes) fail('truncated', `download is truncated: got ${bytes.length} of ${entry.bytes} bytes`);
  if (!isGzip(bytes)) fail('not-a-pack', 'is not a Coder Lens pack (it is not gzip data)');
}

/**
 * Verifies downloaded bytes before anything is stored: the size and the sha256 the feed lists
 * first, then the pack's own structure and counts (`validatePack`), then that the pack is the
 * release the feed says it is.
 */
export async function verifyPack(bytes: Uint8Array, entry: FeedEntry): Promise<VerifiedPack> {
  checkPackBody(entry, bytes);
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== entry.sha256)
    throw new UpdateError(
      'sha256',
      entry.url,
      `does not match the feed (sha256 ${sha256.slice(0, 12)}…, the feed lists ${entry.sha256.slice(0, 12)}…): the file changed on the server or was damaged on the way`,
    );
  const pack = decodeVerified(bytes, entry);
  checkMatchesEntry(pack, entry);
  return { entry, pack, sha256 };
}

/** Download then verify (the two steps the update state machine runs separately). */
export async function fetchVerifiedPack(entry: FeedEntry, options: PackDownloadOptions): Promise<VerifiedPack> {
  return verifyPack(await downloadPack(entry, options), entry);
}

function decodeVerified(bytes: Uint8Array, entry: FeedEntry): Pack {
  const corrupt = (problem: string): never => {
    throw new UpdateError('corrupt', entry.url, `has the sha256 the feed lists, but ${problem}`);
  };
  let text = '';
  try {
    text = strFromU8(gunzipSync(bytes));
  } catch {
    corrupt('its gzip data is damaged');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    corrupt('its content is not valid JSON');
  }
  const system = (json as { format?: unknown; system?: unknown } | null)?.system;
  if ((json as { format?: unknown } | null)?.format === PACK_FORMAT && !isCodeSystem(system))
    throw new UpdateError(
      'unknown-system',
      entry.url,
      `is a pack for an unknown code system "${String(system).slice(0, 40)}" (this version of Coder Lens knows ${CODE_SYSTEMS.join(', ')})`,
    );
  try {
    return validatePack(json, entry.url);
  } catch (err) {
    if (err instanceof CodesetError) return corrupt(`its content is broken (the pack ${err.problem})`);
    throw err;
  }
}

function checkMatchesEntry(pack: Pack, entry: FeedEntry): void {
  const fail = (problem: string): never => {
    throw new UpdateError('mismatch', entry.url, `is not the pack the feed describes: ${problem}`);
  };
  const name = (system: Pack['system'], release: string) => `${SYSTEM_LABELS[system]} ${release}`;
  if (pack.system !== entry.system || pack.release !== entry.release)
    fail(`it holds ${name(pack.system, pack.release)}, the feed lists ${name(entry.system, entry.release)}`);
  if (pack.effectiveFrom !== entry.effectiveFrom || pack.effectiveTo !== entry.effectiveTo)
    fail(`it is in force ${pack.effectiveFrom} … ${pack.effectiveTo}, the feed says ${entry.effectiveFrom} … ${entry.effectiveTo}`);
  if (pack.counts.validCodes !== entry.counts.validCodes || pack.counts.headers !== entry.counts.headers)
    fail(
      `it has ${pack.counts.validCodes} valid codes and ${pack.counts.headers} headers, the feed lists ${entry.counts.validCodes} and ${entry.counts.headers}`,
    );
}
