/**
 * Scoring of the detector against annotated text (used by `npm run eval:detect`): span-level
 * precision and recall by overlap, and document-level recall of gold codes among the codes the
 * detector suggests.
 */

export interface Span {
  start: number;
  end: number;
}

export interface SpanCounts {
  /** Gold spans overlapped by some detected span. */
  goldFound: number;
  gold: number;
  /** Detected spans that overlap some gold span. */
  detectedRight: number;
  detected: number;
  /** Spans found with exactly the gold offsets. */
  exact: number;
}

/** Overlap matching, each side counted on its own (a long detected span may cover two gold spans). */
export function countSpans(gold: readonly Span[], detected: readonly Span[]): SpanCounts {
  const g = [...gold].sort((a, b) => a.start - b.start);
  const d = [...detected].sort((a, b) => a.start - b.start);
  const exactKeys = new Set(g.map((s) => `${s.start}:${s.end}`));
  const counts: SpanCounts = { goldFound: 0, gold: g.length, detectedRight: 0, detected: d.length, exact: 0 };
  for (const s of d) if (exactKeys.has(`${s.start}:${s.end}`)) counts.exact++;
  counts.goldFound = g.filter((s) => overlapsAny(s, d)).length;
  counts.detectedRight = d.filter((s) => overlapsAny(s, g)).length;
  return counts;
}

/** Whether `s` overlaps a span of `sorted` (sorted by start). */
function overlapsAny(s: Span, sorted: readonly Span[]): boolean {
  let lo = 0;
  let hi = sorted.length;
  // Spans starting before s ends; gold and detected spans are short, so scan back a little.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < s.end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    if (sorted[i].end > s.start) return true;
    if (s.start - sorted[i].start > 2000) break;
  }
  return false;
}

export function addSpanCounts(a: SpanCounts, b: SpanCounts): SpanCounts {
  return { goldFound: a.goldFound + b.goldFound, gold: a.gold + b.gold, detectedRight: a.detectedRight + b.detectedRight, detected: a.detected + b.detected, exact: a.exact + b.exact };
}

export function spanScores(c: SpanCounts): { precision: number; recall: number; f1: number; exactPrecision: number; exactRecall: number; exactF1: number } {
  const precision = c.detected ? c.detectedRight / c.detected : 0;
  const recall = c.gold ? c.goldFound / c.gold : 0;
  const exactPrecision = c.detected ? c.exact / c.detected : 0;
  const exactRecall = c.gold ? c.exact / c.gold : 0;
  return { precision, recall, f1: f1(precision, recall), exactPrecision, exactRecall, exactF1: f1(exactPrecision, exactRecall) };
}

export interface CodeCounts {
  gold: number;
  /** Gold codes among the suggested codes (undotted, upper case). */
  found: number;
  /** Gold codes whose category (first three characters) is among the suggested categories. */
  categoryFound: number;
  suggested: number;
  docs: number;
}

/** Recall of one document's gold codes among its suggested codes. */
export function countCodes(gold: readonly string[], suggested: ReadonlySet<string>): CodeCounts {
  const norm = (c: string) => c.replace(/[.\s]/g, '').toUpperCase();
  const categories = new Set([...suggested].map((c) => c.slice(0, 3)));
  const g = [...new Set(gold.map(norm))];
  return {
    gold: g.length,
    found: g.filter((c) => suggested.has(c)).length,
    categoryFound: g.filter((c) => categories.has(c.slice(0, 3))).length,
    suggested: suggested.size,
    docs: 1,
  };
}

export function addCodeCounts(a: CodeCounts, b: CodeCounts): CodeCounts {
  return { gold: a.gold + b.gold, found: a.found + b.found, categoryFound: a.categoryFound + b.categoryFound, suggested: a.suggested + b.suggested, docs: a.docs + b.docs };
}

function f1(p: number, r: number): number {
  return p + r ? (2 * p * r) / (p + r) : 0;
}
