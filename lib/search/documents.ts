import type { PackTabular } from '../codeset/build-pack';
import { cmChapterOf } from '../codeset/cm-chapters';
import type { Pack } from '../codeset/pack';
import type { PackIndex, PackIndexTerm, PackTable } from '../codeset/pack-sections';
import { resolvePrintedCode } from '../codeset/printed-code';
import type { CodeSystem } from '../codeset/releases';
import type { MatchKind } from './types';

/** Every code the engine can return, from all loaded packs. */
export interface CodeEntry {
  system: CodeSystem;
  code: string;
  title: string;
  valid: boolean;
  chapter?: string;
}

/** A searchable text that leads to one code: a title, an inclusion term, an index path… */
export interface SearchDoc {
  code: number;
  kind: MatchKind;
  /** What the coder sees as the reason ("Fracture › femur › neck"). */
  text: string;
  /** The words that are matched (may differ from `text`, e.g. a table column label added). */
  words: string;
  /** Words that may be matched but are not required (nonessential modifiers). */
  optional?: string;
}

/**
 * The words a table column adds to its row. Accidental is the intent to code when the record does
 * not say (ICD-10-CM guidelines I.C.19.e.5.b: unknown or unspecified intent is coded accidental),
 * and a malignancy is primary unless said otherwise, so those columns' defining words are
 * optional: "acetaminophen poisoning" fits the accidental column best, as a coder would code it.
 */
const TABLE_COLUMN_WORDS: Record<string, { words: string; optional?: string }> = {
  accidental: { words: 'poisoning', optional: 'accidental unintentional' },
  intentionalSelfHarm: { words: 'poisoning intentional self harm' },
  assault: { words: 'poisoning assault' },
  undetermined: { words: 'poisoning undetermined' },
  adverseEffect: { words: 'adverse effect' },
  underdosing: { words: 'underdosing' },
  malignantPrimary: { words: 'malignant', optional: 'primary' },
  malignantSecondary: { words: 'malignant secondary metastatic' },
  caInSitu: { words: 'carcinoma in situ' },
  benign: { words: 'benign' },
  uncertainBehavior: { words: 'uncertain behavior' },
  unspecifiedBehavior: { words: 'unspecified behavior' },
};

/**
 * A word the Alphabetic Index sends elsewhere ("Lockjaw — see Tetanus", "Cancer — see also
 * Neoplasm, by site, malignant"): the coder's word and the Index's word for the same thing.
 */
export interface IndexSynonym {
  word: string;
  target: string;
  /** "see" (the Index uses only the target) or "see also" (the target may apply as well). */
  strength: 'see' | 'seeAlso';
}

/** Collects the codes and searchable documents of a set of packs (one release per system). */
export function collectDocuments(packs: Pack[]): { codes: CodeEntry[]; docs: SearchDoc[]; synonyms: IndexSynonym[] } {
  const codes: CodeEntry[] = [];
  const docs: SearchDoc[] = [];
  const synonyms: IndexSynonym[] = [];
  for (const pack of packs) {
    const ids = new Map<string, number>();
    const titles = new Map<string, string>();
    for (const [code, , title] of pack.codes) titles.set(code, title);
    const isCm = pack.system === 'icd10cm';
    for (const [code, valid, title, shortTitle] of pack.codes) {
      const id = codes.length;
      ids.set(code, id);
      codes.push({ system: pack.system, code, title, valid: valid === 1, chapter: pack.system === 'icd10cm' ? cmChapterOf(code) : undefined });
      const split = isCm ? seventhCharacterSplit(code, title, titles) : { base: title };
      docs.push({ code: id, kind: 'title', text: title, ...titleWords(split) });
      if (shortTitle) docs.push({ code: id, kind: 'shortTitle', text: shortTitle, ...titleWords(split.extension ? shortSeventhCharacterSplit(shortTitle) : { base: shortTitle }) });
    }
    const resolve = (printed: string | undefined) => (printed ? resolvePrintedCode(ids, printed) : undefined);

    const tabular = pack.sections.tabular as PackTabular | undefined;
    if (tabular)
      for (const [code, notes] of Object.entries(tabular.notes)) {
        const id = ids.get(code);
        if (id === undefined) continue;
        for (const term of notes.inclusionTerm ?? []) docs.push({ code: id, kind: 'inclusion', text: term, words: term });
      }
    for (const [section, kind] of [['index', 'index'], ['eindex', 'eindex']] as const) {
      const index = pack.sections[section] as PackIndex | undefined;
      if (index) addIndexDocs(index, kind, resolve, docs);
      if (index && kind === 'index') synonyms.push(...indexSynonyms(index));
    }
    for (const [section, kind] of [['drugs', 'drug'], ['neoplasms', 'neoplasm']] as const) {
      const table = pack.sections[section] as PackTable | undefined;
      if (table) addTableDocs(table, kind, resolve, docs);
    }
  }
  return { codes, docs, synonyms };
}

/** Words of a "see" target that only steer the reader ("by site", "NEC", "condition"). */
const NAVIGATION_WORDS = /\b(by site|by type|specified site|site|nec|nos|condition)\b/gi;

/**
 * One-word main terms that send the coder to another entry without a code of their own. Words
 * that only say "look under the condition" (Lacrimal — see condition) teach nothing and are left out.
 */
function indexSynonyms(index: PackIndex): IndexSynonym[] {
  const out: IndexSynonym[] = [];
  for (const t of index.terms) {
    if (t.c) continue;
    const strength = t.s ? 'see' : t.sa ? 'seeAlso' : undefined;
    if (!strength) continue;
    const target = (t.s ?? t.sa)!.replace(NAVIGATION_WORDS, ' ').replace(/\bTable of\b/gi, ' ');
    if (!/[a-z]/i.test(target)) continue;
    for (const form of t.t.split(/,\s*/)) if (/^[A-Za-z-]+$/.test(form.trim())) out.push({ word: form.trim(), target, strength });
  }
  return out;
}

/**
 * A 7th-character code's title is its parent's title plus the meaning of the 7th character
 * ("…, initial encounter for closed fracture"). That tail says which encounter, not what the
 * condition is, so it must not make the code look like a worse match for the condition's words.
 */
function seventhCharacterSplit(code: string, title: string, titles: Map<string, string>): { base: string; extension?: string } {
  if (code.length !== 7) return { base: title };
  for (let k = 6; k >= 3; k--) {
    const parent = titles.get(code.slice(0, k));
    if (parent && title.length > parent.length + 2 && title.startsWith(`${parent}, `)) return { base: parent, extension: title.slice(parent.length + 2) };
  }
  return { base: title };
}

/**
 * Short titles abbreviate the parent's words differently from code to code ("unsp" here,
 * "unspecified" there), but always end in the 7th character's meaning after a last comma
 * (", init", ", sequela").
 */
function shortSeventhCharacterSplit(shortTitle: string): { base: string; extension?: string } {
  const at = shortTitle.lastIndexOf(', ');
  return at > 0 ? { base: shortTitle.slice(0, at), extension: shortTitle.slice(at + 2) } : { base: shortTitle };
}

/**
 * Words of a title: words in parentheses are supplementary in ICD-10 titles ("Essential (primary)
 * hypertension"), so they may match but are not required for a full match. "Unspecified" adds
 * nothing the coder must have said: a query that names no side or type fits the unspecified code
 * best, so the word (or the short titles' "unsp") does not count against it.
 */
function titleWords({ base, extension }: { base: string; extension?: string }): { words: string; optional?: string } {
  const optional: string[] = [];
  const words = base
    // The default intent of a poisoning (guidelines I.C.19.e.5.b), like "unspecified" for a site;
    // and "essential (primary)", the form coded when a condition such as hypertension is not
    // said to be secondary or of another kind (the Index's "Hypertension, hypertensive … I10").
    .replace(/\b(accidental(?= \(unintentional\))|essential(?= \(primary\)))/gi, (word) => {
      optional.push(word);
      return ' ';
    })
    .replace(/\(([^)]*)\)/g, (_, inner: string) => {
      optional.push(inner);
      return ' ';
    })
    .replace(/\b(unspecified|unsp)\b/gi, (word) => {
      optional.push(word);
      return ' ';
    });
  if (extension) optional.push(extension);
  return optional.length ? { words, optional: optional.join(' ') } : { words };
}

interface Flat {
  path: string[];
  optional: string[];
  term: PackIndexTerm;
}

function addIndexDocs(index: PackIndex, kind: 'index' | 'eindex', resolve: (c: string | undefined) => number | undefined, docs: SearchDoc[]): void {
  const flat: Flat[] = [];
  const byPath = new Map<string, Flat>();
  // A "see" names a main term by any of its printed forms: "Hypertension, kidney" is found under
  // "Hypertension, hypertensive". Each entry is reachable under every form of its main term.
  const walk = (t: PackIndexTerm, path: string[], optional: string[], heads: string[]) => {
    const p = [...path, t.t];
    const o = t.m ? [...optional, ...t.m] : optional;
    const f = { path: p, optional: o, term: t };
    flat.push(f);
    for (const head of heads) {
      const key = pathKey([head, ...p.slice(1)]);
      if (!byPath.has(key)) byPath.set(key, f);
    }
    for (const k of t.k ?? []) walk(k, p, o, heads);
  };
  for (const t of index.terms) walk(t, [], [], [t.t, ...t.t.split(/,\s*/)]);

  for (const f of flat) {
    let id = resolve(f.term.c);
    // "see" and "see also" lead to another entry: its code is what the coder is sent to.
    const target = f.term.s ?? (id === undefined ? f.term.sa : undefined);
    if (id === undefined && target) id = followSee(target, byPath, resolve);
    if (id === undefined) continue;
    const text = f.path.join(' › ');
    // A main term may list its other forms after a comma ("Hypertension, hypertensive"): either
    // form matches, neither is required beside the other.
    const [head, ...variants] = f.path[0].split(/,\s*/);
    const optional = [...variants, ...f.optional];
    docs.push({ code: id, kind, text, words: [head, ...f.path.slice(1)].join(' '), optional: optional.length ? optional.join(' ') : undefined });
  }
}

function followSee(target: string, byPath: Map<string, Flat>, resolve: (c: string | undefined) => number | undefined): number | undefined {
  // "Infarct, myocardium" names main term "Infarct" and subterm "myocardium".
  const parts = target.split(/,\s*/).map((p) => p.trim()).filter(Boolean);
  for (let n = parts.length; n >= 1; n--) {
    const hit = byPath.get(pathKey(parts.slice(0, n)));
    if (hit?.term.c) return resolve(hit.term.c);
  }
  return undefined;
}

function pathKey(path: string[]): string {
  return path.map((p) => p.toLowerCase().trim()).join('\u0001');
}

function addTableDocs(table: PackTable, kind: 'drug' | 'neoplasm', resolve: (c: string | undefined) => number | undefined, docs: SearchDoc[]): void {
  for (const row of table.rows) {
    row.c.forEach((printed, col) => {
      const id = resolve(printed ?? undefined);
      if (id === undefined) return;
      const column = table.columns[col];
      const label = table.labels[col] ?? column;
      const columnWords = TABLE_COLUMN_WORDS[column] ?? { words: label };
      // The Neoplasm table is the Index's "Neoplasm, neoplastic" entry: its rows are read with the
      // word "neoplasm", and the main term's other form ("neoplastic") is not required.
      const [head, ...rest] = row.p;
      const tableHead = kind === 'neoplasm' && /^neoplasm\b/i.test(head ?? '');
      const optional = [tableHead ? head.replace(/^neoplasm\b/i, '') : '', columnWords.optional ?? ''].join(' ').replace(/[,\s]+/g, ' ').trim();
      docs.push({
        code: id,
        kind,
        text: `${row.p.join(' › ')} — ${label}`,
        words: `${kind === 'neoplasm' ? 'neoplasm ' : ''}${(tableHead ? rest : row.p).join(' ')} ${columnWords.words}`,
        ...(optional ? { optional } : {}),
      });
    });
  }
}
