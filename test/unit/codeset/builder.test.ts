import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadBytes } from '../../../lib/codeset/download';
import { CodesetError } from '../../../lib/codeset/errors';
import { decodePack, validateManifest, type Manifest } from '../../../lib/codeset/pack';
import { runBuild } from '../../../scripts/codeset/run-build';
import { expectCodesetErrorAsync } from '../../support/codeset-error';

const REPO = resolve(import.meta.dirname, '../../..');
const RELEASES = join(REPO, 'test/fixtures/releases');
const CM_DIR = join(RELEASES, 'cm');
const PCS_DIR = join(RELEASES, 'pcs');
const CM_ORDER = join(CM_DIR, 'icd10cm_order_2099.txt');
const PCS_ORDER = join(PCS_DIR, 'icd10pcs_order_2099.txt');
const CM_FILES = ['icd10cm_drug_2099.xml', 'icd10cm_index_2099.xml', 'icd10cm_order_2099.txt'];
const CM_PACK = 'icd10cm-2099.pack.json.gz';
const PCS_PACK = 'icd10pcs-2099.pack.json.gz';

const fixture = (dir: string, name: string) => readFileSync(join(dir, name));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let tmpRoot: string;
/** A new empty folder under the test's temp root. */
const tempDir = (label: string) => mkdtempSync(join(tmpRoot, `${label}-`));
/** A folder holding the given files (name → bytes or text). */
function sourceDir(files: Record<string, Uint8Array | string>): string {
  const dir = tempDir('src');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
const readManifest = (outDir: string): Manifest => validateManifest(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')), 'manifest.json');

/** sha256 of every file under a folder (relative path → hash); {} when the folder does not exist. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[relative(dir, full)] = sha256(readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

async function buildError(sources: string[], outDir: string): Promise<Error> {
  let caught: unknown;
  try {
    await runBuild({ sources, outDir });
  } catch (err) {
    caught = err;
  }
  expect(caught, 'the build should have failed').toBeInstanceOf(Error);
  return caught as Error;
}

/**
 * A bad source must fail with a message naming the file and the problem, and write nothing:
 * a fresh out dir stays absent, and an out dir holding an earlier good build stays byte-identical.
 */
async function expectBuildFails(sources: string[], names: string[], problem: RegExp): Promise<Error> {
  const fresh = join(tempDir('fresh'), 'out');
  const err = await buildError(sources, fresh);
  for (const name of names) expect(err.message).toContain(name);
  expect(err.message).toMatch(problem);
  expect(existsSync(fresh)).toBe(false);

  const before = snapshot(previousOut);
  expect(Object.keys(before).sort()).toEqual([CM_PACK, PCS_PACK, 'manifest.json']);
  const again = await buildError(sources, previousOut);
  expect(again.message).toBe(err.message);
  expect(snapshot(previousOut)).toEqual(before);
  return err;
}

/** Out dir of an earlier good build (CM + PCS), used to check that failed builds leave it alone. */
let previousOut: string;

beforeAll(async () => {
  tmpRoot = mkdtempSync(join(tmpdir(), 'coder-lens-builder-'));
  previousOut = tempDir('previous');
  await runBuild({ sources: [RELEASES], outDir: previousOut });
});

afterAll(() => {
  rmSync(tmpRoot, { recursive: true, force: true });
});

describe('runBuild — good sources', () => {
  it('builds one pack per system from a folder and writes a manifest describing them', async () => {
    const out = tempDir('out');
    const log: string[] = [];
    const reports = await runBuild({ sources: [RELEASES], outDir: out, log: (m) => log.push(m) });

    expect(reports.map((r) => [r.system, r.release, r.file, r.validCodes, r.headers])).toEqual([
      ['icd10cm', '2099', CM_PACK, 13, 5],
      ['icd10pcs', '2099', PCS_PACK, 10, 5],
    ]);
    expect(log.some((m) => m.startsWith('building icd10cm 2099'))).toBe(true);
    // Only the packs and the manifest: no temporary files left behind.
    expect(readdirSync(out).sort()).toEqual([CM_PACK, PCS_PACK, 'manifest.json']);

    const manifest = readManifest(out);
    expect(manifest.format).toBe('coder-lens-manifest');
    expect(manifest.formatVersion).toBe(1);
    const [cm, pcs] = manifest.packs;
    expect(cm).toMatchObject({
      file: CM_PACK,
      format: 'coder-lens-pack',
      formatVersion: 1,
      system: 'icd10cm',
      release: '2099',
      title: 'ICD-10-CM FY2099',
      effectiveFrom: '2098-10-01',
      effectiveTo: '2099-09-30',
    });
    expect(cm.counts).toMatchObject({ validCodes: 13, headers: 5, indexMainTerms: 4, indexTerms: 12, drugRows: 7 });
    expect(cm.sources).toEqual(CM_FILES.map((name) => ({ name, sha256: sha256(fixture(CM_DIR, name)), bytes: fixture(CM_DIR, name).length })));
    expect(pcs).toMatchObject({ file: PCS_PACK, system: 'icd10pcs', release: '2099', effectiveFrom: '2098-10-01', effectiveTo: '2099-09-30' });
    expect(pcs.counts).toEqual({ validCodes: 10, headers: 5 });
    expect(pcs.sources).toEqual([{ name: 'icd10pcs_order_2099.txt', sha256: sha256(fixture(PCS_DIR, 'icd10pcs_order_2099.txt')), bytes: fixture(PCS_DIR, 'icd10pcs_order_2099.txt').length }]);

    for (const entry of manifest.packs) {
      const bytes = readFileSync(join(out, entry.file));
      expect(entry.sha256).toBe(sha256(bytes));
      expect(entry.bytes).toBe(bytes.length);
    }

    const cmPack = decodePack(readFileSync(join(out, CM_PACK)), CM_PACK);
    expect(cmPack.codes).toHaveLength(18);
    expect(cmPack.codes.find((r) => r[0] === 'E1122')).toEqual([
      'E1122',
      1,
      'Type 2 diabetes mellitus with diabetic chronic kidney disease',
      'Type 2 diabetes mellitus w diabetic chronic kidney disease',
    ]);
    expect(cmPack.codes.find((r) => r[0] === 'E112')?.[1]).toBe(0);
    expect(Object.keys(cmPack.sections).sort()).toEqual(['drugs', 'index']);
    const pcsPack = decodePack(readFileSync(join(out, PCS_PACK)), PCS_PACK);
    expect(pcsPack.codes.find((r) => r[0] === '0DTJ0ZZ')).toEqual(['0DTJ0ZZ', 1, 'Resection of Appendix, Open Approach']);
  });

  it('building twice gives byte-identical packs and manifest', async () => {
    const a = tempDir('out');
    const b = tempDir('out');
    await runBuild({ sources: [RELEASES], outDir: a });
    await runBuild({ sources: [RELEASES], outDir: b });
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).toEqual(snapshot(previousOut));
  });

  it('reads a zip as CMS publishes it: same pack bytes as from the unpacked folder', async () => {
    const zip = zipSync({
      'icd10cm_order_2099.txt': fixture(CM_DIR, 'icd10cm_order_2099.txt'),
      'icd10cm_index_2099.xml': fixture(CM_DIR, 'icd10cm_index_2099.xml'),
      'icd10cm_drug_2099.xml': fixture(CM_DIR, 'icd10cm_drug_2099.xml'),
      'icd10cm_order_2099.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00]),
      'README.txt': strToU8('Read me first.\r\n'),
    });
    const src = sourceDir({ '2099-code-tables-tabular-and-index.zip': zip });
    const out = tempDir('out');
    await runBuild({ sources: [join(src, '2099-code-tables-tabular-and-index.zip')], outDir: out });
    expect(readdirSync(out).sort()).toEqual([CM_PACK, 'manifest.json']);
    expect(sha256(readFileSync(join(out, CM_PACK)))).toBe(snapshot(previousOut)[CM_PACK]);
  });

  it('reads zips nested in a zip (as CDC publishes them), also when the zip sits in a folder', async () => {
    const inner = zipSync({ 'icd10cm_order_2099.txt': fixture(CM_DIR, 'icd10cm_order_2099.txt') });
    const innerPcs = zipSync({ 'icd10pcs_order_2099.txt': fixture(PCS_DIR, 'icd10pcs_order_2099.txt') });
    const outer = zipSync({ 'ICD10CM/icd10cm-order-2099.zip': inner, 'ICD10PCS/pcs-2099.zip': innerPcs, 'ICD10CM/': new Uint8Array(0) });
    const src = sourceDir({ 'downloads/icd10-2099-all.zip': outer });
    const out = tempDir('out');
    const reports = await runBuild({ sources: [src], outDir: out });
    expect(reports.map((r) => [r.file, r.validCodes, r.headers])).toEqual([
      [CM_PACK, 13, 5],
      [PCS_PACK, 10, 5],
    ]);
    expect(readManifest(out).packs[0].sources.map((s) => s.name)).toEqual(['icd10cm_order_2099.txt']);
  });

  it('reads a single file given by path', async () => {
    const out = tempDir('out');
    const reports = await runBuild({ sources: [CM_ORDER], outDir: out });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ system: 'icd10cm', release: '2099', validCodes: 13, headers: 5 });
    const [entry] = readManifest(out).packs;
    expect(entry.sources).toEqual([{ name: 'icd10cm_order_2099.txt', sha256: sha256(readFileSync(CM_ORDER)), bytes: readFileSync(CM_ORDER).length }]);
  });

  it('merges into the manifest already in the out dir: CM, then PCS → both listed', async () => {
    const out = tempDir('out');
    await runBuild({ sources: [CM_DIR], outDir: out });
    const cmBytes = snapshot(out)[CM_PACK];
    expect(readManifest(out).packs.map((p) => p.file)).toEqual([CM_PACK]);

    await runBuild({ sources: [PCS_DIR], outDir: out });
    expect(readManifest(out).packs.map((p) => [p.system, p.release, p.file])).toEqual([
      ['icd10cm', '2099', CM_PACK],
      ['icd10pcs', '2099', PCS_PACK],
    ]);
    expect(snapshot(out)[CM_PACK]).toBe(cmBytes);

    // Rebuilding a release replaces its entry instead of listing it twice.
    await runBuild({ sources: [CM_ORDER], outDir: out });
    const packs = readManifest(out).packs;
    expect(packs.map((p) => p.file)).toEqual([CM_PACK, PCS_PACK]);
    expect(packs[0].sources.map((s) => s.name)).toEqual(['icd10cm_order_2099.txt']);
    expect(packs[0].sha256).toBe(sha256(readFileSync(join(out, CM_PACK))));
  });

  it('filters by system', async () => {
    const out = tempDir('out');
    const reports = await runBuild({ sources: [RELEASES], outDir: out, systems: ['icd10pcs'] });
    expect(reports.map((r) => r.file)).toEqual([PCS_PACK]);
    expect(readdirSync(out).sort()).toEqual([PCS_PACK, 'manifest.json']);
  });
});

describe('runBuild — malformed sources fail with a clear message and write nothing', () => {
  const goodOrder = () => readFileSync(CM_ORDER);

  it('an empty file under an official name', async () => {
    const src = sourceDir({ 'icd10cm_order_2099.txt': '' });
    await expectBuildFails([join(src, 'icd10cm_order_2099.txt')], ['icd10cm_order_2099.txt'], /the file is empty/);
  });

  it('binary garbage under an official name', async () => {
    const garbage = Uint8Array.from({ length: 600 }, (_, i) => (i * 73 + 11) % 256);
    const src = sourceDir({ 'icd10cm_order_2099.txt': garbage });
    await expectBuildFails([src], ['icd10cm_order_2099.txt'], /binary, not a text release file/);
  });

  it('text that is not an order file under an official name', async () => {
    const src = sourceDir({ 'icd10pcs_order_2099.txt': 'Hello,\r\nthis is a letter, not an order file.\r\n' });
    await expectBuildFails([src], ['icd10pcs_order_2099.txt'], /line 1 is not an order-file record/);
  });

  it('an order file in the wrong encoding (Latin-1 é)', async () => {
    const text = goodOrder().toString('latin1').replace('Essential (primary) hypertension', 'Essential (primary) hypertension — pr\u00e9cis');
    const bytes = Buffer.from(text.replace('—', '-'), 'latin1');
    expect(bytes.includes(0xe9)).toBe(true);
    const src = sourceDir({ 'icd10cm_order_2099.txt': bytes });
    await expectBuildFails([src], ['icd10cm_order_2099.txt'], /not valid UTF-8 text/);
  });

  it('an order file cut off in the middle of a record', async () => {
    const text = goodOrder().toString('utf8');
    const cut = text.indexOf('00010 N183') + 9;
    const src = sourceDir({ 'icd10cm_order_2099.txt': text.slice(0, cut) });
    await expectBuildFails([src], ['icd10cm_order_2099.txt'], /ends in the middle of line 10/);
  });

  it('an order file cut off in the middle of a title', async () => {
    const text = goodOrder().toString('utf8');
    const cut = text.indexOf('00010 N183') + 40;
    const src = sourceDir({ 'icd10cm_order_2099.txt': text.slice(0, cut) });
    await expectBuildFails([src], ['icd10cm_order_2099.txt'], /ends in the middle of line 10 \(truncated\?\)/);
  });

  it('an index XML cut in half (official name), beside a good order file', async () => {
    const index = fixture(CM_DIR, 'icd10cm_index_2099.xml');
    const src = sourceDir({ 'icd10cm_order_2099.txt': goodOrder(), 'icd10cm_index_2099.xml': index.subarray(0, Math.floor(index.length / 2)) });
    await expectBuildFails([src], ['icd10cm_index_2099.xml'], /malformed or truncated XML/);
  });

  it('a tabular XML cut in half (official name)', async () => {
    const tabular = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<ICD10CM.tabular>',
      '  <version>2099</version>',
      '  <chapter>',
      '    <name>4</name>',
      '    <desc>Endocrine, nutritional and metabolic diseases (E00-E89)</desc>',
      '    <section id="E08-E13">',
      '      <desc>Diabetes mellitus (E08-E13)</desc>',
      '      <diag>',
      '        <name>E11</name>',
      '        <desc>Type 2 diabetes mellitus</desc>',
      '      </diag>',
      '    </section>',
      '  </chapter>',
      '</ICD10CM.tabular>',
    ].join('\r\n');
    const src = sourceDir({ 'icd10cm_tabular_2099.xml': tabular.slice(0, Math.floor(tabular.length / 2)) });
    await expectBuildFails([src], ['icd10cm_tabular_2099.xml'], /malformed or truncated XML/);
  });

  it.each([
    ['a PNG image', 'scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
    ['a random .txt file', 'notes.txt', new TextEncoder().encode('Patient list for Monday\r\nE11.9 follow-up\r\n')],
    ['a random .xml file', 'feed.xml', new TextEncoder().encode('<?xml version="1.0"?><rss><channel/></rss>')],
  ])('%s given directly', async (_what, name, bytes) => {
    const src = sourceDir({ [name]: bytes });
    await expectBuildFails([join(src, name)], [name], /is not an official ICD-10-CM, ICD-10-PCS or HCPCS release file/);
  });

  it('a PNG renamed to an official order-file name', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const src = sourceDir({ 'icd10cm_order_2099.txt': png });
    await expectBuildFails([join(src, 'icd10cm_order_2099.txt')], ['icd10cm_order_2099.txt'], /binary/);
  });

  it('a zip holding only a README', async () => {
    const src = sourceDir({ 'release.zip': zipSync({ 'README.txt': strToU8('Nothing here.\r\n') }) });
    await expectBuildFails([join(src, 'release.zip')], ['release.zip'], /contains no official release file/);
  });

  it('a zip holding a drug table but no order file or tabular', async () => {
    const src = sourceDir({ 'tables.zip': zipSync({ 'icd10cm_drug_2099.xml': fixture(CM_DIR, 'icd10cm_drug_2099.xml') }) });
    const err = await expectBuildFails([join(src, 'tables.zip')], ['ICD-10-CM 2099', 'tables.zip!icd10cm_drug_2099.xml'], /no order file \(icd10cm_order_2099\.txt\) or tabular XML/);
    expect(err).toBeInstanceOf(CodesetError);
  });

  it('a truncated zip (first half of the bytes)', async () => {
    const zip = zipSync({ 'icd10cm_order_2099.txt': goodOrder(), 'icd10cm_index_2099.xml': fixture(CM_DIR, 'icd10cm_index_2099.xml') });
    const src = sourceDir({ 'order-2099.zip': zip.subarray(0, Math.floor(zip.length / 2)) });
    await expectBuildFails([join(src, 'order-2099.zip')], ['order-2099.zip'], /is not a readable zip archive/);
  });

  it('a file named .zip that is not a zip', async () => {
    const src = sourceDir({ 'order-2099.zip': '<html>Access denied</html>' });
    await expectBuildFails([src], ['order-2099.zip'], /is named \.zip but is not a zip archive/);
  });

  it('a folder with no release files', async () => {
    const src = sourceDir({ 'README.txt': 'readme', 'icd10OrderFiles.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0]) });
    await expectBuildFails([src], [src], /contains no official release file/);
  });

  it('a path that does not exist', async () => {
    const missing = join(tmpRoot, 'no-such-folder', 'icd10cm_order_2099.txt');
    await expectBuildFails([missing], [missing], /does not exist/);
  });

  it('all or nothing: a good CM release beside a broken PCS order file writes neither', async () => {
    const badPcs = fixture(PCS_DIR, 'icd10pcs_order_2099.txt').toString('utf8').replace('0DTJ0ZZ', '0DTI0ZZ');
    const src = sourceDir({
      'cm/icd10cm_order_2099.txt': goodOrder(),
      'cm/icd10cm_index_2099.xml': fixture(CM_DIR, 'icd10cm_index_2099.xml'),
      'pcs/icd10pcs_order_2099.txt': badPcs,
    });
    await expectBuildFails([src], ['icd10pcs_order_2099.txt'], /line 8 has an invalid code "0DTI0ZZ"/);
  });

  it('two different order files for the same release', async () => {
    const other = goodOrder().toString('utf8').replace('Essential (primary) hypertension', 'Essential hypertension, other text    ');
    const src = sourceDir({ 'cms/icd10cm_order_2099.txt': goodOrder(), 'cdc/icd10cm-order-2099.txt': other });
    await expectBuildFails([src], ['icd10cm_order_2099.txt', 'icd10cm-order-2099.txt'], /two different cm-order files for ICD-10-CM 2099/);
  });
});

describe('runBuild and downloadBytes — sources from a URL', () => {
  let server: Server;
  let base: string;
  const cmZip = zipSync({ 'icd10cm_order_2099.txt': readFileSync(CM_ORDER) });
  const big = new Uint8Array(10_000).fill(0x41);

  beforeAll(async () => {
    const routes: Record<string, (res: ServerResponse) => void> = {
      '/files/icd10cm_order_2099.txt': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(readFileSync(CM_ORDER)),
      '/files/2099-code-descriptions-tabular-order.zip': (res) => res.writeHead(200, { 'content-type': 'application/zip' }).end(cmZip),
      // Declares more bytes than it sends, then drops the connection.
      '/files/truncated/icd10cm_order_2099.txt': (res) => {
        const body = readFileSync(CM_ORDER);
        res.writeHead(200, { 'content-length': String(body.length) });
        res.write(body.subarray(0, 500), () => res.destroy());
      },
      // Never answers.
      '/hang': () => {},
      // Answers, sends a little of the body, then stalls.
      '/stall': (res) => {
        res.writeHead(200, { 'content-length': '1000' });
        res.write(new Uint8Array(100));
      },
      '/big': (res) => res.writeHead(200, { 'content-length': String(big.length) }).end(big),
      // No Content-Length (chunked): the limit must be enforced while reading.
      '/big-chunked': (res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        for (let i = 0; i < 10; i++) res.write(big.subarray(i * 1000, (i + 1) * 1000));
        res.end();
      },
    };
    server = createServer((req, res) => {
      const route = routes[req.url ?? ''];
      if (route) route(res);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('builds from a URL of an order file', async () => {
    const out = tempDir('out');
    const log: string[] = [];
    const reports = await runBuild({ sources: [`${base}/files/icd10cm_order_2099.txt`], outDir: out, log: (m) => log.push(m) });
    expect(reports.map((r) => [r.file, r.validCodes, r.headers])).toEqual([[CM_PACK, 13, 5]]);
    expect(log).toContain(`downloading ${base}/files/icd10cm_order_2099.txt`);
    expect(readManifest(out).packs[0].sources).toEqual([{ name: 'icd10cm_order_2099.txt', sha256: sha256(readFileSync(CM_ORDER)), bytes: readFileSync(CM_ORDER).length }]);
  });

  it('builds from a URL of a zip, giving the same pack as the local file', async () => {
    const fromUrl = tempDir('out');
    const fromFile = tempDir('out');
    await runBuild({ sources: [`${base}/files/2099-code-descriptions-tabular-order.zip`], outDir: fromUrl });
    await runBuild({ sources: [CM_ORDER], outDir: fromFile });
    expect(snapshot(fromUrl)[CM_PACK]).toBe(snapshot(fromFile)[CM_PACK]);
  });

  it('404 → error naming the URL and the status', async () => {
    const url = `${base}/files/icd10cm_order_2098.txt`;
    await expectBuildFails([url], [url], /could not be downloaded: the server answered 404 Not Found/);
  });

  it('a response cut short of its Content-Length → error, nothing written', async () => {
    const url = `${base}/files/truncated/icd10cm_order_2099.txt`;
    await expectBuildFails([url], [url], /download (broke off after \d+ bytes|is truncated)/);
  });

  it('downloadBytes returns the body and reports progress up to the declared size', async () => {
    const seen: Array<[number, number | undefined]> = [];
    const bytes = await downloadBytes(`${base}/big`, { onProgress: (received, total) => seen.push([received, total]) });
    expect(bytes).toEqual(big);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toEqual([10_000, 10_000]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
  });

  it('downloadBytes times out on a server that never answers', async () => {
    const url = `${base}/hang`;
    await expectCodesetErrorAsync(() => downloadBytes(url, { timeoutMs: 200 }), url, /could not be downloaded \(no complete answer within/);
  });

  it('downloadBytes times out on a server that stalls mid-body', async () => {
    const url = `${base}/stall`;
    await expectCodesetErrorAsync(() => downloadBytes(url, { timeoutMs: 200 }), url, /download broke off after 100 bytes \(no complete answer within/);
  });

  it('downloadBytes refuses a declared size over maxBytes', async () => {
    const url = `${base}/big`;
    await expect(downloadBytes(url, { maxBytes: 1000 })).rejects.toThrow(`${url}: is 10000 bytes, over the 1000-byte limit`);
  });

  it('downloadBytes stops reading a body without Content-Length once it passes maxBytes', async () => {
    const url = `${base}/big-chunked`;
    await expect(downloadBytes(url, { maxBytes: 1000 })).rejects.toThrow(`${url}: is larger than the 1000-byte limit`);
    expect(await downloadBytes(url, { maxBytes: 10_000 })).toEqual(big);
  });

  it('downloadBytes reports a refused connection with the URL', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const url = `http://127.0.0.1:${port}/icd10cm_order_2099.txt`;
    await expect(downloadBytes(url, { timeoutMs: 5000 })).rejects.toThrow(new RegExp(`^${url.replace(/[.?*+^$()[\]\\/]/g, '\\$&')}: could not be downloaded \\(`));
  });
});

describe('codeset CLI', () => {
  const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/codeset.ts', 'build', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

  it('exits non-zero with the file and the problem on stderr for a bad input', () => {
    const src = sourceDir({ 'icd10cm_order_2099.txt': '' });
    const out = join(tempDir('cli'), 'out');
    const run = cli('--source', join(src, 'icd10cm_order_2099.txt'), '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: .*icd10cm_order_2099\.txt: the file is empty/);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 0 and prints a summary for a good input', () => {
    const out = join(tempDir('cli'), 'out');
    const run = cli('--source', CM_DIR, '--out', out);
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^icd10cm-2099\.pack\.json\.gz: 13 valid codes, 5 headers; /m);
    expect(readManifest(out).packs.map((p) => p.file)).toEqual([CM_PACK]);
  });
});
