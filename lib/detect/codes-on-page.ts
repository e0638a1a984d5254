/**
 * Codes already written on the page ("E11.22", "S13.4XXA", "0DTJ4ZZ", "J1885"), each checked
 * against the active releases. A dotted ICD-10-CM code is unmistakably meant as a code, so it is
 * reported even when the release does not have it ('unknown': a coder wants to know that a code
 * on a claim does not exist). Undotted forms look like many other tokens (lot numbers, vitamin
 * B12, grant R01), so they are reported only when the release has them.
 *
 * One pass over the characters; candidate words are runs of letters, digits and dots no longer
 * than a code, so hostile text (one 400,000-character word) costs one linear scan.
 */
import { displayCode } from '../codeset/code-format';
import type { CodeSystem } from '../codeset/releases';
import type { CodeLookup } from './code-lookup';
import type { CandidateCode, Mention } from './types';

/** A code mention before its context is read. */
export type CodeMention = Omit<Mention, 'context'>;

/** "S13.4XXA" is the longest code form: 8 characters with the dot. */
const MAX_RUN = 8;
const CM_DOTTED = /^[A-Z][0-9A-Z]{2}\.[0-9A-Z]{1,4}$/;
const CM_UNDOTTED = /^[A-Z][0-9A-Z]{2,6}$/;
const PCS = /^[0-9A-HJ-NP-Z]{7}$/;
const HCPCS = /^[A-Z][0-9]{4}$/;

/** Codes written in `text`, in order. */
export function findCodesOnPage(text: string, lookup: CodeLookup): CodeMention[] {
  const systems = new Set(lookup.releases.map((r) => r.system));
  const out: CodeMention[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isRunChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isRunChar(text.charCodeAt(i))) i++;
    let end = i;
    while (end > start && text.charCodeAt(end - 1) === 0x2e) end--; // a sentence's final period
    if (end - start < 3 || end - start > MAX_RUN || text.charCodeAt(start) === 0x2e) continue;
    const found = classify(text.slice(start, end), lookup, systems);
    if (found) out.push({ start, end, text: text.slice(start, end), kind: 'code', ...found });
  }
  return out;
}

type Found = Pick<CodeMention, 'concept' | 'codes' | 'codeStatus'>;

function classify(word: string, lookup: CodeLookup, systems: Set<CodeSystem>): Found | null {
  if (systems.has('icd10cm') && CM_DOTTED.test(word) && hasDigitAt(word, 1, 3)) return dottedCm(word.replace('.', ''), lookup);
  if (word.includes('.')) return null;
  if (systems.has('hcpcs') && HCPCS.test(word)) {
    const found = existing('hcpcs', word, lookup);
    if (found) return found;
  }
  if (systems.has('icd10cm') && CM_UNDOTTED.test(word) && hasDigitAt(word, 1, 3)) {
    const found = existing('icd10cm', word, lookup);
    if (found) return found;
  }
  if (systems.has('icd10pcs') && PCS.test(word) && hasDigitAt(word, 0, 7)) return existing('icd10pcs', word, lookup);
  return null;
}

/** A code the release has: valid or header. */
function existing(system: CodeSystem, code: string, lookup: CodeLookup): Found | null {
  const info = lookup.get(system, code);
  if (!info) return null;
  return { concept: info.title, codes: [candidate(system, code, info.title, info.valid)], codeStatus: info.valid ? 'valid' : 'header' };
}

/**
 * A dotted ICD-10-CM code: valid or header when the release has it; 'header' as well when it is
 * the start of codes that exist ("S13.4XX" lacks its 7th character); otherwise 'unknown', with
 * the nearest code above it that does exist as the candidate.
 */
function dottedCm(code: string, lookup: CodeLookup): Found {
  const found = existing('icd10cm', code, lookup);
  if (found) return found;
  const release = lookup.releases.find((r) => r.system === 'icd10cm')?.release ?? '';
  const shown = displayCode('icd10cm', code);
  let parent = code.slice(0, -1);
  while (parent.length >= 3 && !lookup.get('icd10cm', parent)) parent = parent.slice(0, -1);
  const info = parent.length >= 3 ? lookup.get('icd10cm', parent) : undefined;
  const codes = info ? [candidate('icd10cm', parent, info.title, info.valid)] : [];
  if (lookup.hasDescendant('icd10cm', code)) return { concept: `${shown}: incomplete code (more characters needed)`, codes, codeStatus: 'header' };
  return { concept: `${shown}: not a code in ICD-10-CM FY${release}`, codes, codeStatus: 'unknown' };
}

function candidate(system: CodeSystem, code: string, title: string, valid: boolean): CandidateCode {
  return { system, code, display: displayCode(system, code), title, valid };
}

/** Whether one of word[from, to) is a digit: every ICD-10-CM category has one in place 2 or 3. */
function hasDigitAt(word: string, from: number, to: number): boolean {
  for (let k = from; k < to && k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** Letters, digits and the dot of a dotted code; a lower-case letter makes the run no code, but still part of it. */
function isRunChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e;
}
