import { displayCode } from '../codeset/code-format';
import type { CodeRef } from './code-list';

export interface CodeCopyOptions {
  /** ICD-10-CM with its dot (E11.22); ICD-10-PCS and HCPCS never have one. */
  withDots: boolean;
  /** Code, a tab, then the title: pastes as two cells of one spreadsheet or encoder row. */
  withTitle: boolean;
}

/**
 * One code as the coder pastes it; the worklist's "Copy all" joins these lines. A tab or line
 * break inside a title would split the pasted row, so runs of them become one space.
 */
export function codeCopyText(ref: Pick<CodeRef, 'system' | 'code' | 'title'>, options: CodeCopyOptions): string {
  const code = options.withDots ? displayCode(ref.system, ref.code) : ref.code;
  return options.withTitle ? `${code}\t${ref.title.replace(/[\t\r\n]+/g, ' ')}` : code;
}
