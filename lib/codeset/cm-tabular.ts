import { CodesetError } from './errors';
import { child, childText, childrenNamed, deepText, expectRoot, parseXml, type XmlElement } from './xml';

/** The instructional note kinds of the ICD-10-CM Tabular List, in the order a coder reads them. */
export const NOTE_KINDS = [
  'includes',
  'inclusionTerm',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
  'sevenChrNote',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type Notes = Partial<Record<NoteKind, string[]>>;

/** A 7th-character definition: the characters a code under it must end with. */
export interface SevenChrDef {
  chars: Array<{ char: string; label: string }>;
  notes?: string[];
}

export interface TabularChapter {
  number: string;
  title: string;
  notes: Notes;
}

export interface TabularSection {
  /** Official section id, e.g. "A00-A09". */
  id: string;
  title: string;
  chapter: string;
  notes: Notes;
}

/** One `<diag>` of the tabular: a category, subcategory or code. */
export interface TabularDiag {
  /** Code without dot, e.g. "E1122". */
  code: string;
  /** Code as the tabular writes it, e.g. "E11.22". */
  name: string;
  title: string;
  /** Parent diag code (undotted) or null for a category. */
  parent: string | null;
  section: string;
  chapter: string;
  notes: Notes;
  sevenChrDef?: SevenChrDef;
  childCodes: string[];
}

export interface Tabular {
  version: string;
  chapters: TabularChapter[];
  sections: TabularSection[];
  /** Every diag in document order. */
  diags: TabularDiag[];
  /** How many elements of each note kind (and sevenChrDef) the file holds, for verification. */
  elementCounts: Record<string, number>;
}

/** A note that applies to a code, with where it was written (the code itself or an ancestor). */
export interface AppliedNote {
  kind: NoteKind;
  text: string;
  /** "E11.2" for a diag, "section E08-E13", or "chapter 4". */
  from: string;
}

/** A valid code implied by the tabular: a leaf, or a leaf plus a 7th character. */
export interface ImpliedCode {
  code: string;
  title: string;
  /** The tabular diag it comes from (itself for a plain leaf). */
  base: string;
}

/**
 * Parses the official `icd10cm_tabular_YYYY.xml` (schema `icd10cm_tabular.xsd`, unchanged from
 * FY2017 to FY2026).
 */
export function parseTabular(text: string, file: string): Tabular {
  const root = parseXml(text, file);
  expectRoot(root, 'ICD10CM.tabular', file);
  const version = childText(root, 'version');
  const chapters: TabularChapter[] = [];
  const sections: TabularSection[] = [];
  const diags: TabularDiag[] = [];
  const seen = new Set<string>();
  const elementCounts: Record<string, number> = {};
  const readNotes = (el: XmlElement): Notes => {
    const notes: Notes = {};
    for (const kind of NOTE_KINDS) {
      const elements = childrenNamed(el, kind);
      if (elements.length) elementCounts[kind] = (elementCounts[kind] ?? 0) + elements.length;
      const texts = elements.flatMap((n) => childrenNamed(n, 'note').map(deepText));
      if (texts.length) notes[kind] = texts;
    }
    return notes;
  };

  const walkDiag = (el: XmlElement, parent: TabularDiag | null, section: string, chapter: string) => {
    const name = childText(el, 'name');
    if (!/^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(name))
      throw new CodesetError(file, `line ${el.line}: <diag> has an invalid code name "${name}"`);
    const code = name.replace('.', '');
    if (seen.has(code)) throw new CodesetError(file, `line ${el.line}: code ${name} appears twice`);
    seen.add(code);
    const diag: TabularDiag = {
      code,
      name,
      title: childText(el, 'desc'),
      parent: parent?.code ?? null,
      section,
      chapter,
      notes: readNotes(el),
      childCodes: [],
    };
    const def = child(el, 'sevenChrDef');
    if (def) {
      diag.sevenChrDef = readSevenChrDef(def, file);
      elementCounts.sevenChrDef = (elementCounts.sevenChrDef ?? 0) + 1;
    }
    parent?.childCodes.push(code);
    diags.push(diag);
    for (const sub of childrenNamed(el, 'diag')) walkDiag(sub, diag, section, chapter);
  };

  for (const ch of childrenNamed(root, 'chapter')) {
    const number = childText(ch, 'name');
    chapters.push({ number, title: childText(ch, 'desc'), notes: readNotes(ch) });
    for (const sec of childrenNamed(ch, 'section')) {
      const id = sec.attrs.id ?? '';
      sections.push({ id, title: childText(sec, 'desc'), chapter: number, notes: readNotes(sec) });
      for (const d of childrenNamed(sec, 'diag')) walkDiag(d, null, id, number);
    }
  }
  if (chapters.length === 0) throw new CodesetError(file, 'the tabular has no <chapter> elements');
  if (diags.length === 0) throw new CodesetError(file, 'the tabular has no <diag> elements');
  return { version, chapters, sections, diags, elementCounts };
}

function readSevenChrDef(def: XmlElement, file: string): SevenChrDef {
  const chars = childrenNamed(def, 'extension').map((ext) => {
    const char = ext.attrs.char ?? '';
    if (!/^[0-9A-Z]$/.test(char)) throw new CodesetError(file, `line ${ext.line}: 7th character "${char}" is not one character`);
    return { char, label: deepText(ext) };
  });
  const notes = childrenNamed(def, 'note').map(deepText);
  return notes.length ? { chars, notes } : { chars };
}

/** Lookup helpers over a parsed tabular. */
export function indexDiags(tabular: Tabular): Map<string, TabularDiag> {
  return new Map(tabular.diags.map((d) => [d.code, d]));
}

/** The nearest 7th-character definition on the code or its ancestors (nearest wins). */
export function sevenChrDefFor(byCode: Map<string, TabularDiag>, code: string): SevenChrDef | undefined {
  for (let d = byCode.get(code); d; d = d.parent ? byCode.get(d.parent) : undefined) if (d.sevenChrDef) return d.sevenChrDef;
  return undefined;
}

/**
 * Every note that applies to a diag: its own, then those of each ancestor, its section and its
 * chapter (ICD-10-CM conventions: a note at a higher level applies to everything below it).
 */
export function applicableNotes(tabular: Tabular, byCode: Map<string, TabularDiag>, code: string): AppliedNote[] {
  const out: AppliedNote[] = [];
  const push = (notes: Notes, from: string) => {
    for (const kind of NOTE_KINDS) for (const text of notes[kind] ?? []) out.push({ kind, text, from });
  };
  let d = byCode.get(code);
  if (!d) return out;
  const { section, chapter } = d;
  for (; d; d = d.parent ? byCode.get(d.parent) : undefined) push(d.notes, d.name);
  const sec = tabular.sections.find((s) => s.id === section);
  if (sec) push(sec.notes, `section ${sec.id}`);
  const ch = tabular.chapters.find((c) => c.number === chapter);
  if (ch) push(ch.notes, `chapter ${ch.number}`);
  return out;
}

/**
 * The valid codes the tabular implies: each leaf diag, or — where a 7th-character definition
 * applies — the leaf padded with the placeholder X to six characters plus each 7th character
 * (S13.4 + A → S13.4XXA). Titles follow the official long-title form "<title>, <7th label>".
 */
export function impliedValidCodes(tabular: Tabular): ImpliedCode[] {
  const byCode = indexDiags(tabular);
  const out: ImpliedCode[] = [];
  for (const d of tabular.diags) {
    if (d.childCodes.length > 0) continue;
    const def = sevenChrDefFor(byCode, d.code);
    if (!def) {
      out.push({ code: d.code, title: d.title, base: d.code });
      continue;
    }
    const stem = d.code.padEnd(6, 'X');
    for (const { char, label } of def.chars) out.push({ code: stem + char, title: `${d.title}, ${label}`, base: d.code });
  }
  return out;
}
