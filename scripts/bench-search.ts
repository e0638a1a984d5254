/**
 * Search latency benchmark: replays coder queries keystroke by keystroke (every prefix of every
 * query in test/fixtures/search/bench-queries.txt is one search call, limit 20) against the
 * search engine, then a deterministic sample of the same calls against a plain Fuse.js index
 * (the baseline the engine replaces).
 *   npm run bench:search -- [--pack <pack file or builder output folder>] [--json] [--limit-baseline N]
 * Run through `node --expose-gc --import tsx` so the heap figure is taken after a full GC.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import type { Pack } from '../lib/codeset/pack';
import { engineFromData } from '../lib/search/engine';
import { decodeIndex, encodeIndex } from '../lib/search/index-binary';
import { buildIndexData } from '../lib/search/index-data';
import { summarizeLatencies, type LatencySummary } from '../lib/search/eval-metrics';
import { loadPacks, resolvePackPath } from './search/load-packs';
import { fail, runCli } from './cli';

const QUERIES_FILE = resolve(import.meta.dirname, '../test/fixtures/search/bench-queries.txt');
const LIMIT = 20;
const WARMUP_QUERIES = 25;

interface Searcher {
  (query: string): unknown;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      pack: { type: 'string' },
      json: { type: 'boolean', default: false },
      'limit-baseline': { type: 'string', default: '200' },
    },
  });
  const baselineLimit = Number(values['limit-baseline']);
  if (!Number.isInteger(baselineLimit) || baselineLimit < 0) return fail(`--limit-baseline must be a whole number ≥ 0, got "${values['limit-baseline']}"`);
  const log = (m: string) => (values.json ? console.error(m) : console.log(m));

  const packPath = resolvePackPath(values.pack);
  const t0 = performance.now();
  const packs = loadPacks(packPath);
  const readMs = performance.now() - t0;
  log(`Packs from ${packPath}: ${packs.map((p) => `${p.system}-${p.release} (${p.codes.length.toLocaleString('en-US')} codes)`).join(', ')}; read and verified in ${ms(readMs)}`);

  const queries = readQueries(QUERIES_FILE);
  const prefixes = queries.flatMap(keystrokes);

  const before = memoryAfterGc();
  const t1 = performance.now();
  let built: ReturnType<typeof buildIndexData> | undefined = buildIndexData(packs);
  const buildMs = performance.now() - t1;
  // What the panel's worker does on opening: read the stored binary index and make an engine over it.
  let stored: Uint8Array<ArrayBuffer> | undefined = encodeIndex(built);
  const storedMb = stored.length / 1e6;
  built = undefined;
  const t2 = performance.now();
  const engine = engineFromData(decodeIndex(stored.slice().buffer));
  const loadMs = performance.now() - t2;
  stored = undefined;
  const memoryMb = memoryAfterGc();
  const stats = engine.stats();
  log(
    `Engine: build_ms ${ms(buildMs)} to build the index (${stats.docs.toLocaleString('en-US')} docs, ${stats.terms.toLocaleString('en-US')} terms, ${storedMb.toFixed(1)} MB stored); ` +
      `load_ms ${ms(loadMs)} to load it from its stored form (copy of the bytes, decode, engine)`,
  );
  log(
    `  memory_mb ${memoryMb.toFixed(1)} MB (JS heap + array buffers${gcAvailable() ? ', after GC' : '; no GC exposed, run with node --expose-gc'}), of which ${(memoryMb - before).toFixed(1)} MB held by the engine (the rest is the decoded packs)`,
  );

  const search: Searcher = (q) => engine.search(q, { limit: LIMIT });
  const warmupCalls = evenSample(queries, WARMUP_QUERIES).flatMap(keystrokes);
  for (const p of warmupCalls) search(p);
  const engineTimes = replay(search, prefixes);
  const e = summarizeLatencies(engineTimes);
  log(`  queries ${e.count.toLocaleString('en-US')} search calls (${queries.length} queries replayed keystroke by keystroke, limit ${LIMIT}, after ${warmupCalls.length} warm-up calls)`);
  log(`  ${latencyLine(e)}`);

  let baseline: { name: 'fuse.js'; queries: number; p50_ms: number; p95_ms: number } | null = null;
  if (baselineLimit > 0) {
    const entries = fuseEntries(packs);
    const t2 = performance.now();
    const fuse = new Fuse(entries, { keys: ['title', 'code'], threshold: 0.4 });
    const fuseBuildMs = performance.now() - t2;
    const sample = evenSample(prefixes, baselineLimit);
    log(`Baseline fuse.js (keys title, code; threshold 0.4) over ${entries.length.toLocaleString('en-US')} code titles, index built in ${ms(fuseBuildMs)}`);
    log(`  replaying an evenly spaced sample of ${sample.length} of the ${prefixes.length.toLocaleString('en-US')} prefixes (Fuse is too slow for all; --limit-baseline N)`);
    fuse.search(sample[0] ?? 'a', { limit: LIMIT });
    const times = replay((q) => fuse.search(q, { limit: LIMIT }), sample, (done) => {
      if (done % 25 === 0) console.error(`  fuse.js: ${done}/${sample.length}`);
    });
    const b = summarizeLatencies(times);
    log(`  queries ${b.count} search calls; ${latencyLine(b)}`);
    baseline = { name: 'fuse.js', queries: b.count, p50_ms: round(b.p50), p95_ms: round(b.p95) };
  }
  const speedup = baseline && e.p95 > 0 ? baseline.p95_ms / e.p95 : null;
  if (speedup !== null) log(`Speedup at p95 (fuse.js p95 / engine p95): ${speedup.toFixed(0)}×`);

  if (values.json)
    console.log(
      JSON.stringify({
        queries: e.count,
        p50_ms: round(e.p50),
        p95_ms: round(e.p95),
        p99_ms: round(e.p99),
        load_ms: round(loadMs),
        build_ms: round(buildMs),
        index_mb: round(storedMb),
        memory_mb: round(memoryMb),
        baseline,
        speedup_p95: speedup === null ? null : round(speedup),
      }),
    );
  return 0;
}

/** Non-empty, non-comment lines of the query file. */
function readQueries(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** What the search box holds after each keystroke: "e11" → "e", "e1", "e11". */
function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

function replay(search: Searcher, inputs: string[], progress?: (done: number) => void): number[] {
  const times: number[] = [];
  for (const q of inputs) {
    const start = performance.now();
    search(q);
    times.push(performance.now() - start);
    progress?.(times.length);
  }
  return times;
}

/** `n` items spread evenly over the list (the same ones on every run), or all when n ≥ length. */
function evenSample<T>(items: T[], n: number): T[] {
  if (n >= items.length) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / n)]);
}

function fuseEntries(packs: Pack[]): Array<{ code: string; title: string }> {
  return packs.flatMap((p) => p.codes.map(([code, , title]) => ({ code, title })));
}

function gcAvailable(): boolean {
  return typeof globalThis.gc === 'function';
}

/**
 * Memory in use (MiB) after a full collection when node runs with --expose-gc: the JS heap plus
 * ArrayBuffer backing stores, which `heapUsed` leaves out and which hold typed-array indexes.
 */
function memoryAfterGc(): number {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

function latencyLine(s: LatencySummary): string {
  return `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`;
}

function ms(v: number): string {
  return `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

runCli(main);
