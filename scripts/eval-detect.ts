/**
 * Page detector evaluation.
 *   npm run eval:detect -- negation --file <jsonl> [--json]
 *   npm run eval:detect -- spans --file <jsonl> [--pack <packs>] [--json]
 *   npm run eval:detect -- codes --file <jsonl> [--pack <packs>] [--json]
 * negation: rows {"text": "...", "mentions": [{"start"?, "end"?, "text", "negated": bool,
 * "temporality"?: "recent|historical|not particular", "experiencer"?: "patient|other|…"}]}; each
 * given mention is classified by the context reader (lib/detect/context). A mention without
 * offsets is looked up by its text (case-insensitive); one not found is skipped and counted.
 * Prints precision / recall / F1 of "negated", and the accuracy of "historical" (gold
 * temporality "historical") and of the experiencer (anything but "patient" is another person).
 * JSON: {"n", "precision", "recall", "f1", "historical_accuracy", "experiencer_accuracy"}.
 *
 * spans and codes run the whole detector (lib/detect/detector.ts) over each row's text, with the
 * packs of --pack (a .pack.json.gz file or a builder output folder; default: the embedded packs
 * in public/packs, written by `npm run packs`).
 * spans: rows {"text", "mentions": [{"start", "end"}]}; a gold span is found, and a detected
 * span is right, when the two overlap. JSON: {"n_docs", "gold", "detected", "precision",
 * "recall", "f1", "exact_precision", "exact_recall", "exact_f1"}.
 * codes: rows {"text", "codes": ["E11.9", …]}; the codes a document suggests are the candidate
 * codes of its mentions that are neither negated nor about someone else; recall of the gold
 * codes, by full code and by category (first three characters). JSON: {"n_docs", "gold",
 * "gold_not_in_release", "code_recall", "category_recall", "suggested_per_doc", "top1_…"}.
 * Rows with a "split" field are also scored per split.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCodeLookup } from '../lib/detect/code-lookup';
import { createContextAnalyzer, type MentionContext } from '../lib/detect/context';
import { createDetector } from '../lib/detect/detector';
import { detectorDataBytes, prepareDetectorData } from '../lib/detect/dictionary';
import { addCodeCounts, addSpanCounts, countCodes, countSpans, spanScores, type CodeCounts, type SpanCounts } from '../lib/detect/eval-metrics';
import type { Detector, Mention } from '../lib/detect/types';
import { fail, runCli } from './cli';
import { loadPacks, resolvePackPath } from './search/load-packs';

const USAGE = 'usage: npm run eval:detect -- <negation|spans|codes> --file <jsonl> [--pack <pack file or builder output folder>] [--json]';
const MODES = ['negation', 'spans', 'codes'] as const;

interface GoldMention {
  start: number;
  end: number;
  negated: boolean;
  historical?: boolean;
  otherExperiencer?: boolean;
  hypothetical?: boolean;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { file: { type: 'string' }, pack: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [mode, ...extra] = positionals;
  if (!mode) return fail(`a mode is required\n${USAGE}`);
  if (!(MODES as readonly string[]).includes(mode)) return fail(`unknown mode "${mode}" (known: ${MODES.join(', ')})\n${USAGE}`);
  if (extra.length > 0) return fail(`unexpected argument "${extra[0]}"\n${USAGE}`);
  if (!values.file) return fail(`--file <jsonl> is required\n${USAGE}`);
  if (mode === 'spans' || mode === 'codes') return runDetector(mode, values.file, values.pack, values.json);
  if (values.pack) return fail(`--pack is for the spans and codes modes\n${USAGE}`);

  const { mentions, skipped } = readNegationRows(values.file);
  const negation: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const hypothetical: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const historical = { right: 0, n: 0 };
  const historicalCounts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const experiencer = { right: 0, n: 0 };
  const experiencerCounts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { text, gold } of mentions) {
    const got: MentionContext = createContextAnalyzer(text).classify(gold.start, gold.end);
    count(negation, gold.negated, got.negated);
    if (gold.historical !== undefined) {
      tally(historical, gold.historical === got.historical);
      count(historicalCounts, gold.historical, got.historical);
    }
    if (gold.otherExperiencer !== undefined) {
      tally(experiencer, gold.otherExperiencer === (got.experiencer === 'other'));
      count(experiencerCounts, gold.otherExperiencer, got.experiencer === 'other');
    }
    if (gold.hypothetical !== undefined) count(hypothetical, gold.hypothetical, got.uncertain);
  }
  const neg = prf(negation);
  const report = {
    n: mentions.length,
    precision: round(neg.precision),
    recall: round(neg.recall),
    f1: round(neg.f1),
    historical_accuracy: round(historical.n ? historical.right / historical.n : 0),
    experiencer_accuracy: round(experiencer.n ? experiencer.right / experiencer.n : 0),
  };
  const skipNote = skipped ? ` (${skipped} skipped: no offsets and the mention text is not in the sentence)` : '';
  if (values.json) {
    if (skipped) console.error(`${mentions.length} mentions scored${skipNote}`);
    console.log(JSON.stringify(report));
    return 0;
  }
  const hyp = prf(hypothetical);
  const hist = prf(historicalCounts);
  const majority = (c: Counts) => fmt(Math.max(c.tp + c.fn, c.fp + c.tn) / (c.tp + c.fp + c.fn + c.tn || 1));
  console.log(`${values.file}: ${mentions.length} mentions scored${skipNote}`);
  console.log(`  negated      precision ${fmt(neg.precision)}  recall ${fmt(neg.recall)}  F1 ${fmt(neg.f1)}   (tp ${negation.tp}, fp ${negation.fp}, fn ${negation.fn}, tn ${negation.tn})`);
  console.log(
    `  historical   accuracy ${fmt(report.historical_accuracy)}   (${historical.n} mentions with a temporality; precision ${fmt(hist.precision)}, recall ${fmt(hist.recall)}; majority class alone ${majority(historicalCounts)})`,
  );
  const other = experiencerCounts;
  console.log(
    `  experiencer  accuracy ${fmt(report.experiencer_accuracy)}   (${experiencer.n} mentions with an experiencer, ${other.tp + other.fn} of them another person: ${other.tp} found, ${other.fp} false alarms; majority class alone ${majority(other)})`,
  );
  if (hypothetical.tp + hypothetical.fn > 0)
    console.log(`  uncertain (which also covers "possible", "probable") vs temporality "not particular": precision ${fmt(hyp.precision)}  recall ${fmt(hyp.recall)}  (informational)`);
  return 0;
}

function readNegationRows(file: string): { mentions: { text: string; gold: GoldMention }[]; skipped: number } {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const mentions: { text: string; gold: GoldMention }[] = [];
  let skipped = 0;
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const bad = (why: string) => new Error(`${file} line ${i + 1}: ${why}`);
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line);
    } catch {
      throw bad('is not valid JSON');
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw bad('is not a JSON object');
    const text = row.text;
    if (typeof text !== 'string') throw bad('has no "text" string');
    if (!Array.isArray(row.mentions) || row.mentions.length === 0) throw bad('has no "mentions" list');
    row.mentions.forEach((m: unknown, j: number) => {
      const where = `mention ${j + 1}`;
      if (typeof m !== 'object' || m === null) throw bad(`${where} is not an object`);
      const mention = m as Record<string, unknown>;
      if (typeof mention.negated !== 'boolean') throw bad(`${where} has no boolean "negated"`);
      const span = spanOf(text, mention, (why) => bad(`${where} ${why}`));
      if (!span) {
        skipped++;
        return;
      }
      const temporality = optionalString(mention.temporality, () => bad(`${where}: "temporality" is not a string`));
      const experiencer = optionalString(mention.experiencer, () => bad(`${where}: "experiencer" is not a string`));
      mentions.push({
        text,
        gold: {
          ...span,
          negated: mention.negated,
          historical: temporality === undefined ? undefined : temporality === 'historical',
          hypothetical: temporality === undefined ? undefined : temporality === 'not particular' || temporality === 'hypothetical',
          otherExperiencer: experiencer === undefined ? undefined : experiencer !== 'patient',
        },
      });
    });
  });
  if (mentions.length === 0 && skipped === 0) throw new Error(`${file} holds no rows`);
  return { mentions, skipped };
}

/** The mention's offsets, or where its text first occurs (any case); null when it does not. */
function spanOf(text: string, m: Record<string, unknown>, bad: (why: string) => Error): { start: number; end: number } | null {
  if (m.start !== undefined || m.end !== undefined) {
    const { start, end } = m;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number) || (end as number) > text.length)
      throw bad(`has offsets outside its text (start ${String(start)}, end ${String(end)}, text length ${text.length})`);
    return { start: start as number, end: end as number };
  }
  if (typeof m.text !== 'string' || m.text === '') throw bad('has neither offsets nor "text"');
  const at = text.toLowerCase().indexOf(m.text.toLowerCase());
  return at < 0 ? null : { start: at, end: at + m.text.length };
}

function optionalString(v: unknown, bad: () => Error): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw bad();
  return v;
}

function count(c: Counts, gold: boolean, got: boolean): void {
  if (gold && got) c.tp++;
  else if (got) c.fp++;
  else if (gold) c.fn++;
  else c.tn++;
}

function tally(t: { right: number; n: number }, right: boolean): void {
  t.n++;
  if (right) t.right++;
}

function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function fmt(v: number): string {
  return v.toFixed(3);
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}

interface DetectRow {
  text: string;
  split: string | undefined;
  row: Record<string, unknown>;
}

/** The spans and codes modes: the whole detector over each row's text. */
async function runDetector(mode: 'spans' | 'codes', file: string, packArg: string | undefined, json: boolean): Promise<number> {
  const log = (m: string) => (json ? console.error(m) : console.log(m));
  const rows = readRows(file);
  const packPath = resolvePackPath(packArg);
  const packs = loadPacks(packPath);
  const t0 = performance.now();
  const data = prepareDetectorData(packs);
  const buildMs = performance.now() - t0;
  const detector = createDetector(data, packs);
  log(
    `Packs from ${packPath}: ${packs.map((p) => `${p.system}-${p.release}`).join(', ')}; detector data ${data.stats.phrases.toLocaleString('en-US')} phrases, ${(detectorDataBytes(data) / 1e6).toFixed(1)} MB, prepared in ${Math.round(buildMs)} ms`,
  );
  const t1 = performance.now();
  const report = mode === 'spans' ? scoreSpans(rows, detector) : scoreCodes(rows, detector, createCodeLookup(packs));
  const detectMs = performance.now() - t1;
  log(`${file}: ${rows.length} documents, ${(rows.reduce((n, r) => n + r.text.length, 0) / 1e6).toFixed(2)} MB of text, detected in ${Math.round(detectMs)} ms`);
  if (json) console.log(JSON.stringify(report.json));
  else for (const line of report.lines) console.log(line);
  return 0;
}

function readRows(file: string): DetectRow[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const rows: DetectRow[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${file} line ${i + 1}: is not valid JSON`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new Error(`${file} line ${i + 1}: is not a JSON object`);
    const r = row as Record<string, unknown>;
    if (typeof r.text !== 'string') throw new Error(`${file} line ${i + 1}: has no "text" string`);
    rows.push({ text: r.text, split: typeof r.split === 'string' ? r.split : undefined, row: r });
  });
  if (rows.length === 0) throw new Error(`${file} holds no rows`);
  return rows;
}

interface Report {
  json: Record<string, unknown>;
  lines: string[];
}

function scoreSpans(rows: DetectRow[], detector: Detector): Report {
  const total = new Map<string, SpanCounts>();
  rows.forEach((r, i) => {
    if (!Array.isArray(r.row.mentions)) throw new Error(`row ${i + 1} has no "mentions" list`);
    const gold = (r.row.mentions as unknown[]).map((m, j) => {
      const { start, end } = (m ?? {}) as Record<string, unknown>;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (end as number) <= (start as number) || (end as number) > r.text.length)
        throw new Error(`row ${i + 1} mention ${j + 1} has offsets outside its text`);
      return { start: start as number, end: end as number };
    });
    const counts = countSpans(gold, detector.detect(r.text));
    for (const key of ['all', ...(r.split ? [`split ${r.split}`] : [])]) total.set(key, total.has(key) ? addSpanCounts(total.get(key)!, counts) : counts);
  });
  const all = total.get('all')!;
  const s = spanScores(all);
  const json: Record<string, unknown> = {
    n_docs: rows.length,
    gold: all.gold,
    detected: all.detected,
    precision: round(s.precision),
    recall: round(s.recall),
    f1: round(s.f1),
    exact_precision: round(s.exactPrecision),
    exact_recall: round(s.exactRecall),
    exact_f1: round(s.exactF1),
  };
  const lines = [...total].map(([key, c]) => {
    const k = spanScores(c);
    return `  ${key.padEnd(12)} overlap precision ${fmt(k.precision)}  recall ${fmt(k.recall)}  F1 ${fmt(k.f1)}   exact precision ${fmt(k.exactPrecision)}  recall ${fmt(k.exactRecall)}  F1 ${fmt(k.exactF1)}   (${c.gold} gold, ${c.detected} detected)`;
  });
  return { json, lines };
}

/** Codes a document suggests: the candidates of its mentions that are neither negated nor someone else's. */
function suggestedCodes(mentions: Mention[], top1: boolean): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    if (m.context.negated || m.context.experiencer === 'other') continue;
    for (const c of top1 ? m.codes.slice(0, 1) : m.codes) if (c.system === 'icd10cm') out.add(c.code);
  }
  return out;
}

function scoreCodes(rows: DetectRow[], detector: Detector, lookup: ReturnType<typeof createCodeLookup>): Report {
  const totals = new Map<string, { all: CodeCounts; top1: CodeCounts }>();
  let notInRelease = 0;
  rows.forEach((r, i) => {
    const gold = r.row.codes;
    if (!Array.isArray(gold) || !gold.every((c) => typeof c === 'string')) throw new Error(`row ${i + 1} has no "codes" list of strings`);
    for (const c of gold as string[]) {
      const code = c.replace('.', '').toUpperCase();
      if (!lookup.get('icd10cm', code) && !lookup.hasDescendant('icd10cm', code)) notInRelease++;
    }
    const mentions = detector.detect(r.text);
    const counts = { all: countCodes(gold as string[], suggestedCodes(mentions, false)), top1: countCodes(gold as string[], suggestedCodes(mentions, true)) };
    for (const key of ['all', ...(r.split ? [`split ${r.split}`] : [])]) {
      const cur = totals.get(key);
      totals.set(key, cur ? { all: addCodeCounts(cur.all, counts.all), top1: addCodeCounts(cur.top1, counts.top1) } : counts);
    }
  });
  const { all, top1 } = totals.get('all')!;
  const json: Record<string, unknown> = {
    n_docs: rows.length,
    gold: all.gold,
    gold_not_in_release: notInRelease,
    code_recall: round(all.found / all.gold),
    category_recall: round(all.categoryFound / all.gold),
    suggested_per_doc: round(all.suggested / all.docs),
    top1_code_recall: round(top1.found / top1.gold),
    top1_category_recall: round(top1.categoryFound / top1.gold),
    top1_suggested_per_doc: round(top1.suggested / top1.docs),
  };
  const lines = [`  ${all.gold} gold codes, ${notInRelease} of them not in the active ICD-10-CM release (counted as misses)`];
  for (const [key, t] of totals)
    lines.push(
      `  ${key.padEnd(12)} all candidates: code recall ${fmt(t.all.found / t.all.gold)}  category recall ${fmt(t.all.categoryFound / t.all.gold)}  ${(t.all.suggested / t.all.docs).toFixed(1)} codes/doc   first candidate only: code recall ${fmt(t.top1.found / t.top1.gold)}  category recall ${fmt(t.top1.categoryFound / t.top1.gold)}  ${(t.top1.suggested / t.top1.docs).toFixed(1)} codes/doc`,
    );
  return { json, lines };
}

runCli(main);
