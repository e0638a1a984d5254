import { describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT } from '../../../lib/codeset/pack';
import { UpdateError } from '../../../lib/update/errors';
import { MAX_PACK_BYTES, checkFeedUrl, fetchFeed, parseFeed, resolvePackUrl, validateFeed } from '../../../lib/update/feed';
import { expectCodesetError, expectCodesetErrorAsync } from '../../support/codeset-error';
import { FEED_URL, fakeServer, feedEntry, feedJson, fy, servedPack } from './support';

const encode = (text: string) => new TextEncoder().encode(text);

async function feedWith(entry: Record<string, unknown> = {}) {
  const p = await servedPack(fy('2026'), { entry });
  return JSON.parse(feedJson([p])) as { packs: Array<Record<string, unknown>> } & Record<string, unknown>;
}

function expectFeedError(json: unknown, problem: RegExp, kind: UpdateError['kind'] = 'feed') {
  expectCodesetError(() => validateFeed(json, FEED_URL), FEED_URL, problem);
  try {
    validateFeed(json, FEED_URL);
  } catch (err) {
    expect((err as UpdateError).kind).toBe(kind);
  }
}

describe('validateFeed', () => {
  it('reads the manifest.json of a pack folder, resolving each file next to the feed', async () => {
    const p = await servedPack(fy('2026'));
    const feed = parseFeed(encode(feedJson([p])), FEED_URL);
    expect(feed).toEqual({ url: FEED_URL, packs: [feedEntry(p)] });
    expect(feed.packs[0]).toMatchObject({
      system: 'icd10cm',
      release: '2026',
      title: 'ICD-10-CM FY2026',
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      url: 'https://updates.example.org/coder-lens/icd10cm-2026.pack.json.gz',
      counts: { validCodes: 5, headers: 2 },
    });
  });

  it('takes `url` over `file`: relative to the feed, or absolute http/https', async () => {
    const rel = await feedWith({ url: '../packs/fy2026.gz' });
    expect(validateFeed(rel, FEED_URL).packs[0].url).toBe('https://updates.example.org/packs/fy2026.gz');
    const abs = await feedWith({ url: 'http://mirror.example.net:8080/p/icd10cm-2026.pack.json.gz', file: undefined });
    expect(validateFeed(abs, FEED_URL).packs[0].url).toBe('http://mirror.example.net:8080/p/icd10cm-2026.pack.json.gz');
  });

  it.each([
    ['javascript:alert(1)', /uses "javascript:"; only http and https/],
    ['data:application/gzip;base64,H4sI', /uses "data:"; only http and https/],
    ['file:///etc/passwd', /uses "file:"; only http and https/],
    ['ftp://example.org/p.gz', /uses "ftp:"; only http and https/],
    ['chrome-extension://abc/p.gz', /uses "chrome-extension:"; only http and https/],
    ['https://user:secret@example.org/p.gz', /contains a user name or password/],
  ])('refuses the pack address %s', async (url, problem) => {
    expectFeedError(await feedWith({ url }), problem);
  });

  it('normalises an upper-case sha256', async () => {
    const json = await feedWith();
    const sha = String(json.packs[0].sha256);
    json.packs[0].sha256 = sha.toUpperCase();
    expect(validateFeed(json, FEED_URL).packs[0].sha256).toBe(sha);
  });

  it.each<[string, (j: Awaited<ReturnType<typeof feedWith>>) => unknown, RegExp]>([
    ['not an object', () => [], /is not a pack feed \("format" must be "coder-lens-manifest"\)/],
    ['another format', (j) => ({ ...j, format: 'something-else' }), /is not a pack feed/],
    ['a future format version', (j) => ({ ...j, formatVersion: 2 }), /has feed format version 2; this version of Coder Lens reads version 1/],
    ['no packs list', (j) => ({ ...j, packs: {} }), /has no "packs" list/],
    ['an entry that is not an object', (j) => ({ ...j, packs: ['icd10cm-2026.pack.json.gz'] }), /pack entry 1 is not an object/],
    ['an unknown system', (j) => ({ ...j, packs: [{ ...j.packs[0], system: 'icd11' }] }), /pack entry 1 is for an unknown code system "icd11" \(Coder Lens knows icd10cm, icd10pcs, hcpcs\)/],
    ['a future pack format', (j) => ({ ...j, packs: [{ ...j.packs[0], formatVersion: 9 }] }), /pack entry 1 is a pack of format version 9/],
    ['no release', (j) => ({ ...j, packs: [{ ...j.packs[0], release: '' }] }), /pack entry 1 has no valid "release"/],
    ['a release with a path in it', (j) => ({ ...j, packs: [{ ...j.packs[0], release: '../2026' }] }), /has no valid "release"/],
    ['no title', (j) => ({ ...j, packs: [{ ...j.packs[0], title: '  ' }] }), /pack entry 1 has no "title"/],
    ['a date that is not a date', (j) => ({ ...j, packs: [{ ...j.packs[0], effectiveFrom: '2025-02-30' }] }), /effective dates that are not yyyy-mm-dd/],
    ['dates the wrong way round', (j) => ({ ...j, packs: [{ ...j.packs[0], effectiveFrom: '2026-10-01' }] }), /ends before it starts/],
    ['a short sha256', (j) => ({ ...j, packs: [{ ...j.packs[0], sha256: 'abc' }] }), /has no valid "sha256" \(64 hexadecimal digits\)/],
    ['a size as text', (j) => ({ ...j, packs: [{ ...j.packs[0], bytes: '1200' }] }), /has no valid size/],
    ['a negative size', (j) => ({ ...j, packs: [{ ...j.packs[0], bytes: -1 }] }), /has no valid size/],
    ['a size over the limit', (j) => ({ ...j, packs: [{ ...j.packs[0], bytes: MAX_PACK_BYTES + 1 }] }), /over the 67108864-byte limit/],
    ['no counts', (j) => ({ ...j, packs: [{ ...j.packs[0], counts: { validCodes: 6 } }] }), /has no valid "counts"/],
    ['neither url nor file', (j) => ({ ...j, packs: [{ ...j.packs[0], file: undefined }] }), /has neither "url" nor "file"/],
    ['a release listed twice', (j) => ({ ...j, packs: [j.packs[0], { ...j.packs[0], sha256: 'f'.repeat(64) }] }), /lists ICD-10-CM 2026 twice/],
    ['too many packs', (j) => ({ ...j, packs: Array.from({ length: 201 }, () => j.packs[0]) }), /lists 201 packs; at most 200/],
  ])('refuses a feed with %s, naming the entry and the field', async (_name, edit, problem) => {
    expectFeedError(edit(await feedWith()), problem);
  });

  it('the second entry is named as entry 2', async () => {
    const json = await feedWith();
    const pcs = { ...json.packs[0], system: 'icd10pcs', bytes: 0 };
    expectFeedError({ ...json, packs: [json.packs[0], pcs] }, /pack entry 2 has no valid size/);
  });
});

describe('parseFeed', () => {
  it('says a web page answered instead of the feed', () => {
    expectCodesetError(() => parseFeed(encode('\ufeff  <!DOCTYPE html><html><title>Sign in</title>'), FEED_URL), FEED_URL, /answered with a web page \(HTML\) instead of a pack feed/);
  });

  it('says the content is not JSON (also for bytes that are not UTF-8)', () => {
    expectCodesetError(() => parseFeed(encode('{"format": "coder-lens-manifest",'), FEED_URL), FEED_URL, /is not a pack feed \(its content is not valid JSON\)/);
    expectCodesetError(() => parseFeed(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), FEED_URL), FEED_URL, /not valid JSON/);
  });
});

describe('checkFeedUrl and resolvePackUrl', () => {
  it('accepts http and https feed addresses only', () => {
    expect(checkFeedUrl('https://intranet.example.org/coder-lens/manifest.json')).toBe('https://intranet.example.org/coder-lens/manifest.json');
    expect(checkFeedUrl('http://127.0.0.1:8080/manifest.json')).toBe('http://127.0.0.1:8080/manifest.json');
    expectCodesetError(() => checkFeedUrl('file:///C:/packs/manifest.json'), 'file:///C:/packs/manifest.json', /only http and https addresses are allowed/);
    expectCodesetError(() => checkFeedUrl('updates.example.org/manifest.json'), 'updates.example.org/manifest.json', /is not a valid URL/);
  });

  it('resolves a bare file name next to the feed', () => {
    expect(resolvePackUrl('icd10cm-2026.pack.json.gz', 'http://127.0.0.1:8080/feed/manifest.json')).toBe('http://127.0.0.1:8080/feed/icd10cm-2026.pack.json.gz');
  });
});

describe('fetchFeed', () => {
  it('downloads and validates the feed, asking caches to revalidate', async () => {
    const p = await servedPack(fy('2026'));
    const server = fakeServer();
    server.serve(FEED_URL, { body: feedJson([p]), headers: { 'content-type': 'application/json' } });
    const feed = await fetchFeed(FEED_URL, { fetch: server.fetch });
    expect(feed.packs).toEqual([feedEntry(p)]);
    expect(server.requests[0].init).toMatchObject({ cache: 'no-cache', redirect: 'follow' });
  });

  it.each([
    ['404', { status: 404, body: 'Not Found' }, 'status', /the server answered 404 Not Found: the file is not at this address/],
    ['503', { status: 503 }, 'status', /the server answered 503 Service Unavailable: the server has a problem; the next check tries again/],
    ['403', { status: 403 }, 'status', /403 Forbidden: the server refused access/],
    ['a refused connection', { refuse: true }, 'network', /could not be reached \(fetch failed: connect ECONNREFUSED/],
    ['no answer', { hang: true }, 'timeout', /timed out: the server did not answer \(it did not finish within 50 ms\)/],
    ['a web page', { body: '<html><body>Proxy login</body></html>' }, 'html', /answered with a web page/],
    ['an endless body', { body: '{', endless: true }, 'too-large', /is larger than 1048576 bytes; that is not a pack feed/],
  ] as const)('fails with a plain message on %s', async (_name, route, kind, problem) => {
    const server = fakeServer();
    server.serve(FEED_URL, route);
    await expectCodesetErrorAsync(() => fetchFeed(FEED_URL, { fetch: server.fetch, timeoutMs: 50 }), FEED_URL, problem);
    await fetchFeed(FEED_URL, { fetch: server.fetch, timeoutMs: 50 }).catch((err: UpdateError) => expect(err.kind).toBe(kind));
  });

  it('refuses a feed address that is not http(s) without fetching anything', async () => {
    const server = fakeServer();
    await expectCodesetErrorAsync(() => fetchFeed('javascript:fetch(1)', { fetch: server.fetch }), 'javascript:fetch(1)', /only http and https/);
    expect(server.requests).toEqual([]);
  });

  it('is not fooled by a feed format other than the manifest', async () => {
    const server = fakeServer();
    server.serve(FEED_URL, { body: JSON.stringify({ format: MANIFEST_FORMAT.toUpperCase(), packs: [] }) });
    await expectCodesetErrorAsync(() => fetchFeed(FEED_URL, { fetch: server.fetch }), FEED_URL, /is not a pack feed/);
  });
});
