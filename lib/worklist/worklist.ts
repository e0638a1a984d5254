import { codeCopyText } from './clipboard';
import { codeLabel, codeRefProblem, sameCode, toCodeRef, type CodeRef } from './code-list';

export { moveCode, moveCodeDown, moveCodeUp, removeCode } from './code-list';

/** A code the coder collected for the current encounter, in the order they will report it. */
export interface WorklistEntry extends CodeRef {
  /** ISO 8601 UTC timestamp (`Date.toISOString()`). */
  readonly addedAt: string;
}

export type Worklist = readonly WorklistEntry[];

/**
 * Upper bound on the worklist. A UB-04 claim carries at most 25 diagnosis and 25 procedure
 * codes; 100 leaves room for working notes while keeping stored state bounded.
 */
export const WORKLIST_LIMIT = 100;

export type AddResult =
  | { added: true; list: Worklist }
  | { added: false; list: Worklist; reason: 'duplicate' | 'full' | 'invalid'; message: string };

/**
 * Appends a code to the end of the worklist. When it cannot (already there, list full, malformed
 * code) the same list comes back with a reason and a message for the coder, so adding twice from
 * the keyboard never reorders or duplicates a code.
 */
export function addToWorklist(list: Worklist, ref: CodeRef, now: Date = new Date()): AddResult {
  const problem = codeRefProblem(ref);
  if (problem) return { added: false, list, reason: 'invalid', message: problem };
  if (list.some((e) => sameCode(e, ref))) {
    return { added: false, list, reason: 'duplicate', message: `${codeLabel(ref)} is already in the worklist.` };
  }
  if (list.length >= WORKLIST_LIMIT) {
    return {
      added: false,
      list,
      reason: 'full',
      message: `The worklist holds ${WORKLIST_LIMIT} codes. Remove one to add ${codeLabel(ref)}.`,
    };
  }
  const entry: WorklistEntry = { ...toCodeRef(ref), addedAt: now.toISOString() };
  return { added: true, list: [...list, entry] };
}

/**
 * Empties the worklist. Nothing else empties it (not a new tab, not a restart): the coder asks
 * for it. The old list is untouched, so the caller can offer undo.
 */
export function clearWorklist(_list: Worklist): Worklist {
  return [];
}

export interface CopyOptions {
  /** ICD-10-CM with its dot (E11.22); ICD-10-PCS and HCPCS never have one. */
  withDots: boolean;
  /** Code, a tab, then the title: pastes as two columns in a spreadsheet or encoder grid. */
  withTitles: boolean;
  /**
   * 'line' (default) puts one code per line; 'comma' gives "E11.22, I10". Titles are always one
   * per line, because titles themselves contain commas.
   */
  separator?: 'line' | 'comma';
}

/** The text a coder pastes: the codes in worklist order. */
export function copyText(list: Worklist, options: CopyOptions): string {
  const lines = list.map((e) => codeCopyText(e, { withDots: options.withDots, withTitle: options.withTitles }));
  // Titles always go one per line, because titles themselves contain commas.
  return lines.join(options.separator === 'comma' && !options.withTitles ? ', ' : '\n');
}
