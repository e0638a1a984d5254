/**
 * Page detector evaluation.
 *   npm run eval:detect -- negation --file <jsonl> [--json]
 * negation: rows {"text": "...", "mentions": [{"start"?, "end"?, "text", "negated": bool,
 * "temporality"?: "recent|historical|not particular", "experiencer"?: "patient|other|…"}]}; each
 * given mention is classified by the context reader (lib/detect/context). A mention without
 * offsets is looked up by its text (case-insensitive); one not found is skipped and counted.
 * Prints precision / recall / F1 of "negated", and the accuracy of "historical" (gold
 * temporality "historical") and of the experiencer (anything but "patient" is another person).
 * JSON: {"n", "precision", "recall", "f1", "historical_accuracy", "experiencer_accuracy"}.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createContextAnalyzer, type MentionContext } from '../lib/detect/context';
import { fail, runCli } from './cli';

const USAGE = 'usage: npm run eval:detect -- negation --file <jsonl> [--json]';
const MODES = ['negation'] as const;

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
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { file: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [mode, ...extra] = positionals;
  if (!mode) return fail(`a mode is required\n${USAGE}`);
  if (!(MODES as readonly string[]).includes(mode)) return fail(`unknown mode "${mode}" (known: ${MODES.join(', ')})\n${USAGE}`);
  if (extra.length > 0) return fail(`unexpected argument "${extra[0]}"\n${USAGE}`);
  if (!values.file) return fail(`--file <jsonl> is required\n${USAGE}`);

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

runCli(main);
