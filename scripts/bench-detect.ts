/**
 * Page detector benchmark: how long preparing the dictionary takes and how large it is, then the
 * matcher's throughput (lib/detect/detector.ts, context included) on
 *  - the unlabeled clinical notes (every note must scan without error: the count is reported), and
 *  - the committed 200,000-character synthetic record page (test/fixtures/detect/
 *    synthetic-record-200k.html, written by scripts/make-synthetic-record.ts), in chunks of the
 *    size the content script sends to the background worker, and as one text.
 *   npm run bench:detect -- [--pack <pack file or builder output folder>] [--notes <jsonl[.gz]>] [--chunk <chars>] [--json]
 * Figures: MB/s of text, and the median and 95th percentile per note and per chunk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createDetector } from '../lib/detect/detector';
import { detectorDataBytes, prepareDetectorData } from '../lib/detect/dictionary';
import type { Detector } from '../lib/detect/types';
import { summarizeLatencies, type LatencySummary } from '../lib/search/eval-metrics';
import { fail, runCli } from './cli';
import { loadPacks, resolvePackPath } from './search/load-packs';

const PAGE = resolve(import.meta.dirname, '../test/fixtures/detect/synthetic-record-200k.html');
const DEFAULT_NOTES = resolve(import.meta.dirname, '../../shared/evals/clinical-notes-unlabeled.jsonl.gz');
/** The size of a text chunk the content script sends (lib/detect/page-text.ts batches about this much). */
const DEFAULT_CHUNK = 16_000;
const PAGE_ROUNDS = 5;

interface Throughput {
  texts: number;
  chars: number;
  mentions: number;
  errors: number;
  totalMs: number;
  mbPerSecond: number;
  /** Milliseconds per text, in order. */
  times: number[];
  perText: LatencySummary;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { pack: { type: 'string' }, notes: { type: 'string' }, chunk: { type: 'string' }, json: { type: 'boolean', default: false } } }));
  } catch (err) {
    return fail(`${(err as Error).message}\nusage: npm run bench:detect -- [--pack <packs>] [--notes <jsonl[.gz]>] [--chunk <chars>] [--json]`);
  }
  const chunk = values.chunk ? Number(values.chunk) : DEFAULT_CHUNK;
  if (!Number.isInteger(chunk) || chunk < 100) return fail(`--chunk must be a whole number of characters ≥ 100, got "${values.chunk}"`);
  const log = (m: string) => (values.json ? console.error(m) : console.log(m));

  const packPath = resolvePackPath(values.pack);
  const packs = loadPacks(packPath);
  const t0 = performance.now();
  const data = prepareDetectorData(packs);
  const prepareMs = performance.now() - t0;
  const t1 = performance.now();
  const cloned = structuredClone(data);
  const cloneMs = performance.now() - t1;
  const t2 = performance.now();
  const detector = createDetector(cloned, packs);
  const createMs = performance.now() - t2;
  const dataMb = detectorDataBytes(data) / 1e6;
  log(`Packs from ${packPath}: ${packs.map((p) => `${p.system}-${p.release}`).join(', ')}`);
  log(
    `Dictionary: ${data.stats.phrases.toLocaleString('en-US')} phrases, ${data.stats.codes.toLocaleString('en-US')} codes, ${data.stats.readingGroups} lexicon readings; ${dataMb.toFixed(1)} MB; prepared in ${ms(prepareMs)}, structured clone ${ms(cloneMs)}, detector created in ${ms(createMs)}`,
  );

  const notesPath = values.notes ?? (existsSync(DEFAULT_NOTES) ? DEFAULT_NOTES : undefined);
  let notes: Throughput | undefined;
  if (notesPath) {
    const texts = readNotes(notesPath);
    run(detector, texts.slice(0, 50)); // warm-up
    notes = run(detector, texts);
    log(`Unlabeled notes (${notesPath}): ${notes.texts} notes, ${notes.errors} failed; ${describe(notes)} per note`);
  } else log('Unlabeled notes: skipped (pass --notes <jsonl or jsonl.gz>)');

  const pageText = htmlText(readFileSync(PAGE, 'utf8'));
  const chunks = chunksOf(pageText, chunk);
  run(detector, chunks); // warm-up
  const pageChunks = repeat(() => run(detector, chunks));
  const pageWhole = repeat(() => run(detector, [pageText]));
  log(`Synthetic record page (${pageText.length.toLocaleString('en-US')} characters of text): in ${chunks.length} chunks of ≤ ${chunk.toLocaleString('en-US')}: ${describe(pageChunks)} per chunk`);
  log(`  as one text: ${pageWhole.mbPerSecond.toFixed(2)} MB/s, ${ms(pageWhole.perText.p50)} (median of ${PAGE_ROUNDS} runs), ${pageWhole.mentions / PAGE_ROUNDS} mentions`);

  if (values.json)
    console.log(
      JSON.stringify({
        prepare_ms: round(prepareMs),
        create_ms: round(createMs),
        data_mb: round(dataMb),
        phrases: data.stats.phrases,
        notes: notes && figures(notes),
        page_chunks: { ...figures(pageChunks), chunk_chars: chunk },
        page_whole: { mb_per_s: round(pageWhole.mbPerSecond), median_ms: round(pageWhole.perText.p50), chars: pageText.length },
      }),
    );
  return notes && notes.errors > 0 ? 1 : 0;
}

function run(detector: Detector, texts: string[]): Throughput {
  const times: number[] = [];
  let chars = 0;
  let mentions = 0;
  let errors = 0;
  for (const text of texts) {
    const t = performance.now();
    try {
      mentions += detector.detect(text).length;
    } catch (err) {
      errors++;
      if (errors <= 3) console.error(`error on a text of ${text.length} characters: ${(err as Error).stack ?? String(err)}`);
    }
    times.push(performance.now() - t);
    chars += text.length;
  }
  const totalMs = times.reduce((a, b) => a + b, 0);
  return { texts: texts.length, chars, mentions, errors, totalMs, mbPerSecond: chars / 1e6 / (totalMs / 1000), times, perText: summarizeLatencies(times) };
}

/** Runs a measurement a few times and keeps the whole of every run (medians across all texts). */
function repeat(measure: () => Throughput): Throughput {
  const runs = Array.from({ length: PAGE_ROUNDS }, measure);
  const times = runs.flatMap((r) => r.times);
  const chars = runs.reduce((n, r) => n + r.chars, 0);
  const totalMs = runs.reduce((n, r) => n + r.totalMs, 0);
  return { texts: runs[0].texts, chars, mentions: runs.reduce((n, r) => n + r.mentions, 0), errors: runs.reduce((n, r) => n + r.errors, 0), totalMs, mbPerSecond: chars / 1e6 / (totalMs / 1000), times, perText: summarizeLatencies(times) };
}

function readNotes(path: string): string[] {
  const raw = readFileSync(path);
  const content = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return content
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text !== 'string') throw new Error(`${path} line ${i + 1}: has no "text" string`);
      return row.text;
    });
}

/** The page's visible text, roughly as the content script reads it (no script or style). */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(?:br|p|div|h\d|tr|li|section|header|nav|footer)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Chunks of at most `size` characters, cut at a line break where there is one. */
function chunksOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + size);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > i + size / 2) end = nl + 1;
    }
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

function describe(t: Throughput): string {
  return `${(t.chars / 1e6).toFixed(2)} MB in ${ms(t.totalMs)}: ${t.mbPerSecond.toFixed(2)} MB/s, ${t.mentions.toLocaleString('en-US')} mentions; median ${ms(t.perText.p50)}, p95 ${ms(t.perText.p95)}, max ${ms(t.perText.max)}`;
}

function figures(t: Throughput): Record<string, number> {
  return { texts: t.texts, errors: t.errors, chars: t.chars, mentions: t.mentions, mb_per_s: round(t.mbPerSecond), median_ms: round(t.perText.p50), p95_ms: round(t.perText.p95), max_ms: round(t.perText.max) };
}

function ms(v: number): string {
  return v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(2)} ms`;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

runCli(main);
