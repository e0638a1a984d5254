import type { CodeLink } from './code-detail';

/** The siblings either side of a code in the Tabular order (none past the ends: no wrap-around). */
export function siblingNeighbours(siblings: readonly CodeLink[], code: string): { previous?: CodeLink; next?: CodeLink } {
  const at = siblings.findIndex((s) => s.code === code);
  if (at < 0) return {};
  const out: { previous?: CodeLink; next?: CodeLink } = {};
  if (at > 0) out.previous = siblings[at - 1];
  if (at < siblings.length - 1) out.next = siblings[at + 1];
  return out;
}

/** A stretch of siblings around the code, with how many are left out either side. */
export interface SiblingWindow {
  items: CodeLink[];
  before: number;
  after: number;
}

/**
 * The siblings to list around a code: all of them when they are few, else `radius` either side
 * (a category without a Tabular List has the whole chapter as siblings, hundreds for chapter 19).
 */
export function siblingWindow(siblings: readonly CodeLink[], code: string, radius = 6): SiblingWindow {
  const size = 2 * radius + 1;
  if (siblings.length <= size) return { items: [...siblings], before: 0, after: 0 };
  const at = Math.max(siblings.findIndex((s) => s.code === code), 0);
  // Keep the window full near either end.
  const start = Math.min(Math.max(at - radius, 0), siblings.length - size);
  return { items: siblings.slice(start, start + size), before: start, after: siblings.length - start - size };
}
