import { displayCode } from '../codeset/code-format';
import { CODE_PATTERNS, isCodeSystem, type CodeSystem } from '../codeset/releases';

/** A code as the panel lists it: stored without the dot, shown with `displayCode`. */
export interface CodeRef {
  readonly system: CodeSystem;
  /** Upper case, no dot (E1122, 0DTJ4ZZ, J1100). */
  readonly code: string;
  /** Plain text, never markup: the UI renders it as text. */
  readonly title: string;
  /**
   * Valid for reporting (false for a header such as S13.4, which needs more characters).
   * Absent when the caller did not know it; the panel then shows no badge.
   */
  readonly valid?: boolean;
}

export type CodeKey = Pick<CodeRef, 'system' | 'code'>;

/**
 * Longest title kept. Official long titles stay well under 1,000 characters (HCPCS long
 * descriptions are the longest); anything beyond this is not a title from a code set.
 */
export const TITLE_MAX_LENGTH = 2000;

/** Same system and same code: A0100 is both an ICD-10-CM code (A01.00) and a HCPCS code. */
export function sameCode(a: CodeKey, b: CodeKey): boolean {
  return a.system === b.system && a.code === b.code;
}

/** Why a code cannot go into a list, in plain words; undefined when it is well formed. */
export function codeRefProblem(ref: CodeRef): string | undefined {
  if (!isCodeSystem(ref.system)) return 'Unknown code system.';
  if (typeof ref.code !== 'string' || !CODE_PATTERNS[ref.system].test(ref.code)) {
    return `"${String(ref.code).slice(0, 16)}" is not a well-formed code.`;
  }
  if (typeof ref.title !== 'string' || ref.title.length > TITLE_MAX_LENGTH) return 'The code title is too long.';
  if (ref.valid !== undefined && typeof ref.valid !== 'boolean') return 'The code has an unreadable valid flag.';
  return undefined;
}

/**
 * A fresh object with only the fields a list keeps, so nothing else the caller's object carries
 * (a search score, a whole detail view) is stored along with it.
 */
export function toCodeRef(ref: CodeRef): CodeRef {
  const copy: CodeRef = { system: ref.system, code: ref.code, title: ref.title };
  return ref.valid === undefined ? copy : { ...copy, valid: ref.valid };
}

/** The code as a coder reads it in messages (E11.22). */
export function codeLabel(ref: CodeKey): string {
  return displayCode(ref.system, ref.code);
}

/** Removes the code; returns the same list when it is not there. */
export function removeCode<T extends CodeKey>(list: readonly T[], key: CodeKey): readonly T[] {
  const at = list.findIndex((e) => sameCode(e, key));
  return at < 0 ? list : [...list.slice(0, at), ...list.slice(at + 1)];
}

/**
 * Moves the code to `toIndex`, clamped to the list. Returns the same list when the code is not
 * there, the index is not a number, or nothing would change (so a signal does not re-render).
 */
export function moveCode<T extends CodeKey>(list: readonly T[], key: CodeKey, toIndex: number): readonly T[] {
  const from = list.findIndex((e) => sameCode(e, key));
  if (from < 0 || Number.isNaN(toIndex)) return list;
  const to = Math.min(Math.max(Math.trunc(toIndex), 0), list.length - 1);
  if (to === from) return list;
  const rest = [...list.slice(0, from), ...list.slice(from + 1)];
  return [...rest.slice(0, to), list[from], ...rest.slice(to)];
}

/** One place towards the top; the first code stays first. */
export function moveCodeUp<T extends CodeKey>(list: readonly T[], key: CodeKey): readonly T[] {
  const from = list.findIndex((e) => sameCode(e, key));
  return from < 0 ? list : moveCode(list, key, from - 1);
}

/** One place towards the bottom; the last code stays last. */
export function moveCodeDown<T extends CodeKey>(list: readonly T[], key: CodeKey): readonly T[] {
  const from = list.findIndex((e) => sameCode(e, key));
  return from < 0 ? list : moveCode(list, key, from + 1);
}
