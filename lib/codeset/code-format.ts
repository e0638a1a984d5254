import type { CodeSystem } from './releases';

/** Normalises what a coder types as a code: any case, with or without the dot, stray spaces. */
export function normalizeCodeInput(input: string): string {
  return input.replace(/[\s.]/g, '').toUpperCase().slice(0, 16);
}

/** The form a coder reads and copies: ICD-10-CM with its dot after the category (E11.22). */
export function displayCode(system: CodeSystem, code: string): string {
  return system === 'icd10cm' && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}
