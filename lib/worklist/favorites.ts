import { codeLabel, codeRefProblem, removeCode, sameCode, toCodeRef, type CodeKey, type CodeRef } from './code-list';

/** Pinned codes, in the order the coder arranged them. */
export type Favorites = readonly CodeRef[];
/** Codes the coder opened, most recent first. */
export type RecentLookups = readonly CodeRef[];

export const FAVORITES_LIMIT = 200;
export const RECENT_LIMIT = 50;

export function isFavorite(favorites: Favorites, key: CodeKey): boolean {
  return favorites.some((f) => sameCode(f, key));
}

export type ToggleResult =
  | { changed: true; pinned: boolean; list: Favorites }
  | { changed: false; pinned: false; list: Favorites; reason: 'full' | 'invalid'; message: string };

/**
 * Pins the code (at the end) or unpins it. When the list is full the same list comes back with
 * a message, so the coder learns why nothing happened instead of the oldest pin vanishing.
 */
export function toggleFavorite(favorites: Favorites, ref: CodeRef): ToggleResult {
  if (isFavorite(favorites, ref)) return { changed: true, pinned: false, list: removeCode(favorites, ref) };
  const problem = codeRefProblem(ref);
  if (problem) return { changed: false, pinned: false, list: favorites, reason: 'invalid', message: problem };
  if (favorites.length >= FAVORITES_LIMIT) {
    return {
      changed: false,
      pinned: false,
      list: favorites,
      reason: 'full',
      message: `Favorites are full (${FAVORITES_LIMIT} codes). Unpin one to pin ${codeLabel(ref)}.`,
    };
  }
  return { changed: true, pinned: true, list: [...favorites, toCodeRef(ref)] };
}

/**
 * Puts the code first, dropping its earlier place and anything beyond the last
 * `RECENT_LIMIT`. A malformed code leaves the list as it was (recording a lookup is silent).
 */
export function recordLookup(recent: RecentLookups, ref: CodeRef): RecentLookups {
  if (codeRefProblem(ref)) return recent;
  return [toCodeRef(ref), ...recent.filter((r) => !sameCode(r, ref))].slice(0, RECENT_LIMIT);
}
