/**
 * The phrases of a code set, walked out of its packs: code titles (ICD-10-CM and ICD-10-PCS),
 * Tabular inclusion terms, Alphabetic Index main terms and subterms, and Neoplasm table sites,
 * each with the code it leads to and a score (lib/detect/phrase-text.ts). The Drug table and the
 * External Cause Index are left out: drug names and events ("fall") on a record page are
 * medications and narrative, not diagnoses to code.
 */
import type { PackTabular } from '../codeset/build-pack';
import type { Pack } from '../codeset/pack';
import type { PackIndex, PackIndexTerm, PackTable } from '../codeset/pack-sections';
import { printedCodeKey } from '../codeset/printed-code';
import type { PackCodes } from './pack-codes';
import { MAX_CODES } from './phrase-collector';
import { EXACT, INCLUSION, titlePhrases } from './phrase-text';

/** A phrase (as a note would write it) leading to a code (pack and row); `label` names the concept (default: the phrase). */
export type AddPhrase = (text: string, packIndex: number, row: number, score: number, label?: string) => void;

/** Index subterms that only link to a deeper level ("with", "due to"): no phrase of their own. */
const CONNECTOR = /^(?:with|without|due to|in|of|by|from|for|following|during|complicating|affecting|associated with|involving|see|nec|nos|and|or|specified|unspecified|other)\b/i;
/** PCS codes sharing a head tie on everything but code order; the collector keeps no more than this. */
const CODES_PER_HEAD = 2 * MAX_CODES;
const INDEX_SCORE = EXACT;
/** A subterm two levels down names a narrower thing; its phrase counts a little less. */
const INDEX_DEEP_SCORE = EXACT - 1;
const NEOPLASM_SCORE = EXACT - 2;

/** Every phrase of the packs, through `add`. */
export function addPackPhrases(indexed: readonly PackCodes[], add: AddPhrase): void {
  indexed.forEach(({ pack, row: rowOf }, packIndex) => {
    if (pack.system === 'hcpcs') return; // HCPCS descriptions are supply and drug names: codes on the page only.
    const codes = pack.codes;
    // PCS titles repeat their head across approaches and devices ("Resection of Gallbladder, Open
    // Approach"), codes of one head next to each other: the part before the first comma is
    // phrased once, and only the first few codes of a head are added (they rank in code order,
    // and a phrase keeps no more).
    const memo = new Map<string, ReturnType<typeof titlePhrases>>();
    const uses = new Map<string, number>();
    let lastHead = '';
    let lastPhrases: ReturnType<typeof titlePhrases> = [];
    codes.forEach(([code, valid, title], row) => {
      if (pack.system === 'icd10pcs' && valid === 0) return; // tables ("Breast, Excision"), not procedures
      if (pack.system === 'icd10cm' && (isExternalCause(code) || isSeventhCharacterCode(code, title, codes, rowOf))) return;
      const comma = pack.system === 'icd10pcs' ? title.indexOf(', ') : -1;
      if (comma < 0) {
        for (const p of titlePhrases(title)) add(p.text, packIndex, row, p.score, p.label);
        return;
      }
      const head = title.slice(0, comma);
      if (head !== lastHead) {
        let phrases = memo.get(head);
        if (!phrases) memo.set(head, (phrases = titlePhrases(`${head}, approach`)));
        lastHead = head;
        lastPhrases = phrases;
      }
      const used = uses.get(head) ?? 0;
      if (used >= CODES_PER_HEAD) return;
      uses.set(head, used + 1);
      for (const p of lastPhrases) add(p.text, packIndex, row, p.score, p.label);
    });
    if (pack.system !== 'icd10cm') return;
    const addTo = (text: string, code: string | undefined, score: number, label?: string) => {
      const row = code === undefined || isExternalCause(code) ? undefined : rowOf.get(code);
      if (row !== undefined) add(text, packIndex, row, score, label);
    };
    const exists = (printed: string | undefined) => resolveCode(printed, rowOf);
    const tabular = pack.sections.tabular as PackTabular | undefined;
    if (tabular)
      for (const [code, notes] of Object.entries(tabular.notes)) for (const term of notes.inclusionTerm ?? []) for (const p of titlePhrases(term, INCLUSION)) addTo(p.text, code, p.score, p.label);
    const index = pack.sections.index as PackIndex | undefined;
    if (index) addIndexPhrases(index, exists, addTo);
    const neoplasms = pack.sections.neoplasms as PackTable | undefined;
    if (neoplasms) addNeoplasmPhrases(neoplasms, exists, addTo);
  });
}

type AddTo = (text: string, code: string | undefined, score: number, label?: string) => void;

/**
 * Chapter 20 (V00-Y99) codes how an injury happened ("Blizzard", "Parent" as perpetrator): events
 * and people that a record names in passing, never a condition found on the page.
 */
function isExternalCause(code: string): boolean {
  const c = code.charCodeAt(0);
  return c >= 0x56 && c <= 0x59; // V, W, X, Y
}

/**
 * A 7th-character code's title is its parent's plus the encounter ("…, initial encounter"): it
 * says nothing new about the condition, and the parent's phrases already lead to it.
 */
function isSeventhCharacterCode(code: string, title: string, codes: Pack['codes'], rowOf: Map<string, number>): boolean {
  if (code.length !== 7) return false;
  for (let k = 6; k >= 3; k--) {
    const row = rowOf.get(code.slice(0, k));
    if (row === undefined) continue;
    const parent = codes[row][2];
    if (title.length > parent.length + 2 && title.startsWith(parent) && title.charCodeAt(parent.length) === 0x2c) return true;
  }
  return false;
}

/** The code a printed Index code names, or its nearest existing ancestor ("T36.0X-" → T36.0X1…). */
function resolveCode(printed: string | undefined, rowOf: Map<string, number>): string | undefined {
  if (!printed) return undefined;
  let code = printedCodeKey(printed);
  while (code.length >= 3 && !rowOf.has(code)) code = code.slice(0, -1);
  return code.length >= 3 ? code : undefined;
}

/**
 * Index entries as notes write them: the main term in each of its forms ("Diabetes, diabetic"),
 * with a one-word nonessential modifier before or after it ("essential hypertension", "diabetes
 * mellitus"), and subterms before the main term ("chest pain") or after it ("pain in chest"; a
 * subterm that starts with a linking word only after: "pneumonia due to…"). Two levels down at
 * most: deeper entries combine conditions that notes name one by one.
 */
function addIndexPhrases(index: PackIndex, resolve: (c: string | undefined) => string | undefined, addTo: AddTo): void {
  for (const main of index.terms) {
    const forms = termForms(main.t);
    const code = resolve(main.c);
    for (const form of forms) {
      addTo(form, code, INDEX_SCORE);
      for (const m of main.m ?? []) if (wordCount(m) === 1) for (const f of [`${m} ${form}`, `${form} ${m}`]) addTo(f, code, INDEX_SCORE - 1);
    }
    for (const sub of main.k ?? []) {
      if (CONNECTOR.test(sub.t)) continue;
      const subCode = resolve(sub.c);
      for (const s of termForms(sub.t)) {
        for (const form of forms) {
          addTo(`${form} ${s}`, subCode, INDEX_SCORE);
          if (!LINK_START.test(s)) addTo(`${s} ${form}`, subCode, INDEX_SCORE);
          for (const deep of sub.k ?? []) addDeep(deep, form, s, resolve, addTo);
        }
      }
    }
  }
}

const LINK_START = /^(?:with|without|due|to|in|of|by|from|for|following|during|complicating|affecting|after|at|on|as)\b/i;

function addDeep(deep: PackIndexTerm, main: string, sub: string, resolve: (c: string | undefined) => string | undefined, addTo: AddTo): void {
  if (CONNECTOR.test(deep.t) || LINK_START.test(sub)) return;
  const code = resolve(deep.c);
  if (!code) return;
  for (const d of termForms(deep.t)) {
    addTo(`${d} ${sub} ${main}`, code, INDEX_DEEP_SCORE);
    addTo(`${sub} ${main} ${d}`, code, INDEX_DEEP_SCORE);
  }
}

/**
 * The forms of an Index term: "Diabetes, diabetic" → ["Diabetes", "diabetic"] (a second form is
 * the same word's other form: it shares its first letters); "Induration, skin" → ["Induration
 * skin", "skin Induration"] (a second part that is another word qualifies the first). Parentheses
 * and "see" wording are dropped.
 */
function termForms(title: string): string[] {
  const parts = title
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .split(/,\s*/)
    .map((f) => f.replace(/\b(?:NOS|NEC)\b/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((f) => f !== '' && !/^(?:see|code)\b/i.test(f));
  if (parts.length < 2) return parts;
  const [first, ...rest] = parts;
  const forms = [first];
  for (const part of rest) {
    if (sameWordFamily(first, part)) forms.push(part);
    else forms.push(`${first} ${part}`, `${part} ${first}`);
  }
  return forms;
}

/** "hypertension" / "hypertensive", "failure" / "failed": the same first four letters. */
function sameWordFamily(a: string, b: string): boolean {
  return a.length >= 4 && b.length >= 4 && a.slice(0, 4).toLowerCase() === b.slice(0, 4).toLowerCase();
}

/** Neoplasm table column → how a note names a neoplasm of that behaviour at a site. */
const NEOPLASM_WORDINGS: Record<string, Array<(site: string) => string>> = {
  malignantPrimary: [(s) => `malignant neoplasm of ${s}`, (s) => `${s} malignant neoplasm`, (s) => `${s} carcinoma`, (s) => `carcinoma of ${s}`],
  malignantSecondary: [(s) => `secondary malignant neoplasm of ${s}`, (s) => `metastasis to ${s}`],
  caInSitu: [(s) => `carcinoma in situ of ${s}`],
  benign: [(s) => `benign neoplasm of ${s}`, (s) => `benign ${s} neoplasm`],
  unspecifiedBehavior: [(s) => `neoplasm of ${s}`, (s) => `${s} neoplasm`, (s) => `${s} tumor`, (s) => `tumor of ${s}`],
};

/** Sites of the Neoplasm table (one and two levels: "breast", "cord, spinal" → "spinal cord"). */
function addNeoplasmPhrases(table: PackTable, resolve: (c: string | undefined) => string | undefined, addTo: AddTo): void {
  for (const row of table.rows) {
    if (row.p.length < 2 || row.p.length > 3) continue;
    const sites = row.p.length === 2 ? termForms(row.p[1]) : termForms(row.p[2]).flatMap((d) => termForms(row.p[1]).map((s) => `${d} ${s}`));
    row.c.forEach((printed, col) => {
      const code = resolve(printed ?? undefined);
      const wordings = NEOPLASM_WORDINGS[table.columns[col]];
      if (!code || !wordings) return;
      for (const site of sites) for (const w of wordings) addTo(w(site), code, NEOPLASM_SCORE, wordings[0](site));
    });
  }
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
