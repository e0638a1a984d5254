import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodePack, sha256Hex } from '../../../lib/codeset/pack';
import { UpdateError } from '../../../lib/update/errors';
import { downloadPack, fetchVerifiedPack, verifyPack } from '../../../lib/update/fetch-verified';
import type { FeedEntry } from '../../../lib/update/feed';
import { expectCodesetErrorAsync } from '../../support/codeset-error';
import { fakeServer, feedEntry, fy, servedPack, type Route } from './support';

const good = fy('2026');

async function serve(route: Partial<Route> = {}, bytes = encodePack(good)) {
  const p = await servedPack(good, { bytes });
  const entry = feedEntry(p);
  const server = fakeServer();
  server.serve(entry.url, { body: p.bytes, ...route });
  return { server, entry, bytes: p.bytes };
}

/** Expects the promise to fail with an UpdateError of this kind whose message names the pack's address. */
async function expectFailure(run: () => Promise<unknown>, entry: FeedEntry, kind: UpdateError['kind'], problem: RegExp) {
  let kindSeen: string | undefined;
  await expectCodesetErrorAsync(
    () =>
      run().catch((err: unknown) => {
        kindSeen = (err as UpdateError).kind;
        throw err;
      }),
    entry.url,
    problem,
  );
  expect(kindSeen).toBe(kind);
}

describe('downloadPack + verifyPack', () => {
  it('downloads in pieces with progress, verifies and decodes the pack', async () => {
    const { server, entry, bytes } = await serve({ chunkSize: 100 });
    const progress: Array<[number, number]> = [];
    const verified = await fetchVerifiedPack(entry, { fetch: server.fetch, onProgress: (d, t) => void progress.push([d, t]) });
    expect(verified.sha256).toBe(await sha256Hex(bytes));
    expect(verified.pack).toEqual(good);
    expect(verified.entry).toBe(entry);
    expect(progress.length).toBe(Math.ceil(bytes.length / 100));
    expect(progress.at(-1)).toEqual([bytes.length, bytes.length]);
  });

  it('404: says the file is not at that address', async () => {
    const { server, entry } = await serve({ status: 404, body: 'Not Found' });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch }), entry, 'status', /the server answered 404 Not Found: the file is not at this address/);
  });

  it('500: says the server has a problem and the next check tries again', async () => {
    const { server, entry } = await serve({ status: 500, body: 'oops' });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch }), entry, 'status', /500 Internal Server Error: the server has a problem; the next check tries again/);
  });

  it('a server that never answers: timeout', async () => {
    const { server, entry } = await serve({ hang: true });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch, timeoutMs: 40 }), entry, 'timeout', /timed out: the server did not answer \(it did not finish within 40 ms\)/);
  });

  it('a body that stops coming: idle timeout, naming how much arrived', async () => {
    const { server, entry } = await serve({ stallAfter: 50 });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch, idleTimeoutMs: 30 }), entry, 'timeout', /timed out after 50 bytes \(no data came for 30 ms\)/);
  });

  it('a connection that is refused: network error', async () => {
    const { server, entry } = await serve({ refuse: true });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch }), entry, 'network', /could not be reached/);
  });

  it('a truncated body', async () => {
    const { server, entry, bytes } = await serve();
    server.serve(entry.url, { body: bytes.subarray(0, bytes.length - 40) });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch }), entry, 'truncated', new RegExp(`download is truncated: got ${bytes.length - 40} of ${bytes.length} bytes`));
  });

  it('a body longer than the feed says: reading stops right after the listed size', async () => {
    const { server, entry } = await serve({ endless: true, chunkSize: 64 });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch }), entry, 'too-large', /is larger than the \d+ bytes the feed lists/);
    // The stream is endless; only a little more than the listed size was ever read.
    expect(server.sent.get(entry.url)).toBeLessThan(entry.bytes + 2 * 4096 + 64);
  });

  it('a pack the feed lists as larger than the hard cap is not requested at all', async () => {
    const { server, entry } = await serve();
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch, maxBytes: 100 }), entry, 'too-large', /according to the feed, over the 100-byte limit/);
    expect(server.requests).toEqual([]);
  });

  it('an HTML page instead of the pack (a login page answering 200), whatever its length', async () => {
    const html = strToU8('<!doctype html><html><head><title>Sign in - Proxy</title></head><body>…</body></html>');
    const { server, entry } = await serve({ body: html });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch }), entry, 'html', /answered with a web page \(HTML\) instead of the code pack/);
  });

  it('a pack the server decompressed on the way (Content-Encoding: gzip)', async () => {
    const { server, entry } = await serve({ body: strToU8(JSON.stringify(good)), headers: { 'content-encoding': 'gzip' } });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch }), entry, 'not-a-pack', /arrived already decompressed/);
  });

  it('bytes of the right size that are not gzip', async () => {
    const { server, entry, bytes } = await serve();
    server.serve(entry.url, { body: new Uint8Array(bytes.length).fill(0x41) });
    await expectFailure(() => downloadPack(entry, { fetch: server.fetch }), entry, 'not-a-pack', /is not a Coder Lens pack \(it is not gzip data\)/);
  });

  it('a wrong sha256: the file changed on the server', async () => {
    const { entry } = await serve();
    const other = encodePack(fy('2026'));
    other[other.length - 5] ^= 0xff;
    await expectFailure(() => verifyPack(other, entry), entry, 'sha256', /does not match the feed \(sha256 [0-9a-f]{12}…, the feed lists [0-9a-f]{12}…\): the file changed on the server or was damaged on the way/);
  });

  describe('right sha256, corrupt content', () => {
    async function withBytes(bytes: Uint8Array) {
      const p = await servedPack(good, { bytes });
      return { bytes, entry: feedEntry(p) };
    }

    it('damaged gzip data', async () => {
      const bytes = encodePack(good).slice();
      bytes.fill(0, 20, 60);
      const { entry } = await withBytes(bytes);
      await expectFailure(() => verifyPack(bytes, entry), entry, 'corrupt', /has the sha256 the feed lists, but its gzip data is damaged/);
    });

    it('not JSON inside', async () => {
      const { entry, bytes } = await withBytes(gzipSync(strToU8('{"format": "coder-lens-pack", "codes": [')));
      await expectFailure(() => verifyPack(bytes, entry), entry, 'corrupt', /has the sha256 the feed lists, but its content is not valid JSON/);
    });

    it('counts that do not match the rows', async () => {
      const { entry, bytes } = await withBytes(encodePack({ ...good, counts: { validCodes: 99, headers: 2 } }));
      await expectFailure(() => verifyPack(bytes, entry), entry, 'corrupt', /its content is broken \(the pack counts do not match its content/);
    });

    it('a code that is not a code of the system', async () => {
      const { entry, bytes } = await withBytes(encodePack({ ...good, codes: [...good.codes, ['not a code', 0, 'x']] }));
      await expectFailure(() => verifyPack(bytes, entry), entry, 'corrupt', /code row 8 has "not a code", which is not a icd10cm code/);
    });
  });

  it('a pack for an unknown code system', async () => {
    const bytes = gzipSync(strToU8(JSON.stringify({ ...good, system: 'icd11' })));
    const p = await servedPack(good, { bytes });
    const entry = feedEntry(p);
    await expectFailure(() => verifyPack(bytes, entry), entry, 'unknown-system', /is a pack for an unknown code system "icd11" \(this version of Coder Lens knows icd10cm, icd10pcs, hcpcs\)/);
  });

  it.each([
    ['another release', { release: '2027' }, /it holds ICD-10-CM 2026, the feed lists ICD-10-CM 2027/],
    ['another system', { system: 'icd10pcs' }, /it holds ICD-10-CM 2026, the feed lists ICD-10-PCS 2026/],
    ['other dates', { effectiveTo: '2026-12-31' }, /it is in force 2025-10-01 … 2026-09-30, the feed says 2025-10-01 … 2026-12-31/],
    ['other counts', { counts: { validCodes: 487, headers: 2 } }, /it has 5 valid codes and 2 headers, the feed lists 487 and 2/],
  ] as const)('a valid pack that is not what the feed lists (%s)', async (_name, change, problem) => {
    const { entry, bytes } = await serve();
    const listed = { ...entry, ...change } as FeedEntry;
    await expectFailure(() => verifyPack(bytes, listed), listed, 'mismatch', problem);
  });
});
