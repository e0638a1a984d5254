/**
 * Search quality evaluation: runs every query of a JSONL file through the search engine and
 * scores the ranked codes against the gold codes of the row.
 *   npm run eval:search -- --queries <jsonl> [--pack <pack file or builder output folder>] [--system icd10cm] [--k 10] [--json] [--misses N]
 * Row: {"query": "...", "codes": ["E11.22", "J01"], "subset"?: "...", "title_token_jaccard"?: 0.3}.
 * A row none of whose gold codes exists in the loaded release is skipped (and counted). A result
 * hits when it is a gold code, or lies under a gold code that is a header (lib/search/eval-metrics).
 * "Hard" rows are those whose query shares little wording with the gold title (jaccard < 0.5).
 * --misses prints sample misses to study general ranking mechanisms, not to tune single queries.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { displayCode } from '../lib/codeset/code-format';
import { isCodeSystem, type CodeSystem } from '../lib/codeset/releases';
import { createSearchEngine } from '../lib/search/engine';
import { createKnownCodes, firstHitRank, meanReciprocalRank, recallAtK } from '../lib/search/eval-metrics';
import type { SearchResult } from '../lib/search/types';
import { loadPacks, resolvePackPath } from './search/load-packs';
import { fail, runCli } from './cli';

const HARD_JACCARD = 0.5;
const NO_SUBSET = '(none)';

interface EvalRow {
  query: string;
  codes: string[];
  subset: string;
  hard: boolean;
}

interface Scored {
  row: EvalRow;
  /** 1-based rank of the first hit, null for a miss; undefined when the row was skipped. */
  rank: number | null | undefined;
  top: SearchResult[];
}

interface Figures {
  n: number;
  skipped: number;
  recall_at_1: number;
  recall_at_10: number;
  mrr: number;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      queries: { type: 'string' },
      pack: { type: 'string' },
      system: { type: 'string', default: 'icd10cm' },
      k: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
      misses: { type: 'string', default: '0' },
    },
  });
  if (!values.queries) return fail('--queries <jsonl> is required');
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1) return fail(`--k must be a whole number ≥ 1, got "${values.k}"`);
  const misses = Number(values.misses);
  if (!Number.isInteger(misses) || misses < 0) return fail(`--misses must be a whole number ≥ 0, got "${values.misses}"`);
  const systems = values.system.split(',').map((s) => s.trim());
  if (!systems.every(isCodeSystem)) return fail(`--system must be a list of icd10cm, icd10pcs, hcpcs; got "${values.system}"`);
  const log = (m: string) => (values.json ? console.error(m) : console.log(m));

  const rows = readRows(values.queries);
  const packPath = resolvePackPath(values.pack);
  const packs = loadPacks(packPath);
  const evaluated = packs.filter((p) => (systems as string[]).includes(p.system));
  if (evaluated.length === 0) return fail(`${packPath} holds no ${systems.join(' or ')} pack`);
  const known = createKnownCodes(evaluated.flatMap((p) => p.codes.map((row) => row[0])));
  const engine = createSearchEngine(packs);
  log(`${rows.length} queries from ${values.queries}; packs ${packs.map((p) => `${p.system}-${p.release}`).join(', ')}; searching ${systems.join(', ')}, k = ${k}`);

  const limit = Math.max(k, 10);
  const scored: Scored[] = rows.map((row) => {
    if (!row.codes.some((c) => known.exists(c))) return { row, rank: undefined, top: [] };
    const top = engine.search(row.query, { limit, systems: systems as CodeSystem[] });
    return { row, rank: firstHitRank(top.map((r) => r.code), row.codes, known), top };
  });

  const subsets = [...new Set(rows.map((r) => r.subset))].sort();
  const bySubset = (list: Scored[]) => Object.fromEntries(subsets.map((s) => [s, figures(list.filter((x) => x.row.subset === s), k)]));
  const report = {
    subsets: bySubset(scored),
    hard: bySubset(scored.filter((x) => x.row.hard)),
    overall: figures(scored, k),
  };

  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    printTable('All rows', report.subsets, report.overall, k);
    printTable(`Hard rows (title_token_jaccard < ${HARD_JACCARD})`, report.hard, figures(scored.filter((x) => x.row.hard), k), k);
  }
  if (misses > 0) for (const s of subsets) printMisses(s, scored.filter((x) => x.row.subset === s && x.rank !== undefined && (x.rank === null || x.rank > k)), misses, log);
  return 0;
}

function readRows(file: string): EvalRow[] {
  const rows: EvalRow[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const bad = (why: string) => new Error(`${file} line ${i + 1}: ${why}`);
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw bad('is not valid JSON');
      }
      const r = json as Record<string, unknown>;
      if (typeof r?.query !== 'string') throw bad('has no "query" string');
      if (!Array.isArray(r.codes) || r.codes.length === 0 || !r.codes.every((c) => typeof c === 'string')) throw bad('has no "codes" list of strings');
      if (r.subset !== undefined && typeof r.subset !== 'string') throw bad('"subset" is not a string');
      if (r.title_token_jaccard !== undefined && typeof r.title_token_jaccard !== 'number') throw bad('"title_token_jaccard" is not a number');
      rows.push({
        query: r.query,
        codes: r.codes as string[],
        subset: (r.subset as string | undefined) ?? NO_SUBSET,
        hard: typeof r.title_token_jaccard === 'number' && r.title_token_jaccard < HARD_JACCARD,
      });
    });
  if (rows.length === 0) throw new Error(`${file} holds no queries`);
  return rows;
}

function figures(list: Scored[], k: number): Figures {
  const ranks = list.filter((x) => x.rank !== undefined).map((x) => x.rank as number | null);
  return {
    n: ranks.length,
    skipped: list.length - ranks.length,
    recall_at_1: round(recallAtK(ranks, 1)),
    recall_at_10: round(recallAtK(ranks, 10)),
    mrr: round(meanReciprocalRank(ranks, k)),
  };
}

function printTable(heading: string, subsets: Record<string, Figures>, overall: Figures, k: number): void {
  console.log(`\n${heading}`);
  console.log(`  ${'subset'.padEnd(24)} ${'n'.padStart(6)} ${'skipped'.padStart(8)} ${'R@1'.padStart(7)} ${'R@10'.padStart(7)} ${`MRR@${k}`.padStart(7)}`);
  const line = (name: string, f: Figures) =>
    console.log(
      `  ${name.padEnd(24)} ${String(f.n).padStart(6)} ${String(f.skipped).padStart(8)} ${f.n ? pct(f.recall_at_1) : dash} ${f.n ? pct(f.recall_at_10) : dash} ${f.n ? f.mrr.toFixed(3).padStart(7) : dash}`,
    );
  const dash = '—'.padStart(7);
  for (const [name, f] of Object.entries(subsets)) line(name, f);
  line('overall', overall);
}

/** Misses spread evenly over the subset (the same ones on every run). */
function printMisses(subset: string, list: Scored[], n: number, log: (m: string) => void): void {
  log(`\nMisses in ${subset}: ${list.length}${list.length > n ? `, showing ${n}` : ''}`);
  const step = Math.max(1, list.length / n);
  for (let i = 0; i < Math.min(n, list.length); i++) {
    const { row, rank, top } = list[Math.floor(i * step)];
    log(`  "${row.query}" → gold ${row.codes.join(', ')}${rank ? ` (first hit at rank ${rank})` : ''}`);
    for (const r of top.slice(0, 3)) log(`      ${displayCode(r.system, r.code).padEnd(9)} ${r.title}`);
    if (top.length === 0) log('      (no results)');
  }
}

function pct(v: number): string {
  return `${(v * 100).toFixed(1)}%`.padStart(7);
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}

runCli(main);
