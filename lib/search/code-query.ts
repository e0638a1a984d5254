import type { IndexView } from './index-data';

/**
 * Shapes of a code being typed: ICD-10-CM (letter, then digit or letter, then…: E11.22, QA0),
 * ICD-10-PCS (starts with a digit or letter, 7 characters: 0DTJ4ZZ, XW0…), HCPCS (letter + 4
 * digits: J1100). Dots and spaces are ignored.
 */
const CODE_LIKE = /^(?:[A-Z][0-9][0-9A-Z]{0,5}|[A-Z]{2}[0-9][0-9A-Z]{0,4}|[0-9][0-9A-Z]{0,6}|[A-Z0-9]{3,7})$/;

export function compactCode(query: string): string {
  return query.replace(/[\s.]/g, '').toUpperCase();
}

/** Whether the query could be a code or the start of one (and should list codes first). */
export function looksLikeCode(query: string): boolean {
  const q = compactCode(query);
  if (q.length < 2 || q.length > 7 || !CODE_LIKE.test(q)) return false;
  // A word like "ADD" or "COPD" is not a code: codes have a digit within the first three characters.
  return /\d/.test(q.slice(0, 3));
}

/**
 * Codes for a code query: the code itself first, then the codes under it in code order (E11. →
 * E11, E11.0…). A 7th-character code typed without its placeholder X (S13.4A) resolves to the one
 * code it can mean (S13.4XXA).
 */
export function codeMatches(data: IndexView, query: string, limit: number, accept: (code: number) => boolean): number[] {
  const q = compactCode(query);
  const out: number[] = [];
  const order = data.codeOrder;
  const lo = lowerBound(data, q);
  for (let i = lo; i < order.length && out.length < limit && data.code[order[i]].startsWith(q); i++) if (accept(order[i])) out.push(order[i]);
  if (out.length === 0 || data.code[out[0]] !== q) {
    const placeholder = withPlaceholder(data, q);
    if (placeholder !== undefined && accept(placeholder)) out.unshift(placeholder);
  }
  return out.slice(0, limit);
}

/** S134A → S134XXA, T7840A → T7840XA: pad to six characters with X before the 7th character. */
function withPlaceholder(data: IndexView, q: string): number | undefined {
  if (q.length < 4 || q.length > 6 || !/[A-Z]$/.test(q)) return undefined;
  const padded = q.slice(0, -1).padEnd(6, 'X') + q.slice(-1);
  const i = lowerBound(data, padded);
  return i < data.codeOrder.length && data.code[data.codeOrder[i]] === padded ? data.codeOrder[i] : undefined;
}

/** Position of the first code (in code order) not sorting before `code`. */
function lowerBound(data: IndexView, code: string): number {
  const order = data.codeOrder;
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (data.code[order[mid]] < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
