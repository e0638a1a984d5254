import type { PackTabular } from '../codeset/build-pack';
import { cmChapterOf } from '../codeset/cm-chapters';
import type { Pack } from '../codeset/pack';
import type { PackIndex, PackIndexTerm, PackTable } from '../codeset/pack-sections';
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

const TABLE_COLUMN_WORDS: Record<string, string> = {
  accidental: 'poisoning accidental unintentional',
  intentionalSelfHarm: 'poisoning intentional self harm',
  assault: 'poisoning assault',
  undetermined: 'poisoning undetermined',
  adverseEffect: 'adverse effect',
  underdosing: 'underdosing',
  malignantPrimary: 'malignant primary',
  malignantSecondary: 'malignant secondary metastatic',
  caInSitu: 'carcinoma in situ',
  benign: 'benign',
  uncertainBehavior: 'uncertain behavior',
  unspecifiedBehavior: 'unspecified behavior',
};

/** Collects the codes and searchable documents of a set of packs (one release per system). */
export function collectDocuments(packs: Pack[]): { codes: CodeEntry[]; docs: SearchDoc[] } {
  const codes: CodeEntry[] = [];
  const docs: SearchDoc[] = [];
  for (const pack of packs) {
    const ids = new Map<string, number>();
    for (const [code, valid, title, shortTitle] of pack.codes) {
      const id = codes.length;
      ids.set(code, id);
      codes.push({ system: pack.system, code, title, valid: valid === 1, chapter: pack.system === 'icd10cm' ? cmChapterOf(code) : undefined });
      docs.push({ code: id, kind: 'title', text: title, words: title });
      if (shortTitle) docs.push({ code: id, kind: 'shortTitle', text: shortTitle, words: shortTitle });
    }
    const resolve = (printed: string | undefined) => (printed ? resolveCode(ids, printed) : undefined);

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
    }
    for (const [section, kind] of [['drugs', 'drug'], ['neoplasms', 'neoplasm']] as const) {
      const table = pack.sections[section] as PackTable | undefined;
      if (table) addTableDocs(table, kind, resolve, docs);
    }
  }
  return { codes, docs };
}

/**
 * Resolves a code as printed in the index or a table ("K35.80", "T36.0X-", "C79.8-") to a code
 * of the pack. A partial code ("-": more characters needed) leads to the code or header it names,
 * or the nearest ancestor that exists.
 */
function resolveCode(ids: Map<string, number>, printed: string): number | undefined {
  let code = printed.replace(/-$/, '').replace('.', '').replace(/\.$/, '').toUpperCase();
  while (code.length >= 3) {
    const id = ids.get(code);
    if (id !== undefined) return id;
    code = code.slice(0, -1);
  }
  return undefined;
}

interface Flat {
  path: string[];
  optional: string[];
  term: PackIndexTerm;
}

function addIndexDocs(index: PackIndex, kind: 'index' | 'eindex', resolve: (c: string | undefined) => number | undefined, docs: SearchDoc[]): void {
  const flat: Flat[] = [];
  const byPath = new Map<string, Flat>();
  const walk = (t: PackIndexTerm, path: string[], optional: string[]) => {
    const p = [...path, t.t];
    const o = t.m ? [...optional, ...t.m] : optional;
    const f = { path: p, optional: o, term: t };
    flat.push(f);
    byPath.set(pathKey(p), f);
    for (const k of t.k ?? []) walk(k, p, o);
  };
  for (const t of index.terms) walk(t, [], []);

  for (const f of flat) {
    let id = resolve(f.term.c);
    // "see" and "see also" lead to another entry: its code is what the coder is sent to.
    const target = f.term.s ?? (id === undefined ? f.term.sa : undefined);
    if (id === undefined && target) id = followSee(target, byPath, resolve);
    if (id === undefined) continue;
    const text = f.path.join(' › ');
    docs.push({ code: id, kind, text, words: f.path.join(' '), optional: f.optional.length ? f.optional.join(' ') : undefined });
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
      docs.push({
        code: id,
        kind,
        text: `${row.p.join(' › ')} — ${label}`,
        words: `${row.p.join(' ')} ${TABLE_COLUMN_WORDS[column] ?? label}`,
      });
    });
  }
}
