import { NOTE_KINDS, type NoteKind, type Notes } from '../codeset/cm-tabular';
import { displayCode, normalizeCodeInput } from '../codeset/code-format';
import type { Pack } from '../codeset/pack';
import type { CodeSystem } from '../codeset/releases';
import { ancestorsOf, packHierarchy, type PackHierarchy } from './hierarchy';
import { parseNoteCodes, type NoteCodeRef } from './note-codes';
import { packTabular, sevenChrFor, type SevenChrView } from './seventh-character';
import { tabularPlace, type TabularPlace } from './tabular-place';

export type DetailLevel = 'chapter' | 'section' | 'category' | 'subcategory' | 'code';

export interface BreadcrumbItem {
  level: DetailLevel;
  /** As printed: chapter number "19", section id "S10-S19", or a dotted code "S13.4". */
  code?: string;
  /** Undotted code to open, for category, subcategory and code levels. */
  target?: string;
  title: string;
}

/** A code one step away (parent, sibling, child), ready to show and open. */
export interface CodeLink {
  code: string;
  display: string;
  title: string;
  valid: boolean;
}

export interface NoteView {
  text: string;
  /** Where the note is written: the code itself, an ancestor, its section or its chapter. */
  from: BreadcrumbItem;
  inherited: boolean;
  /** Codes and ranges printed in the note, each to be shown as a link. */
  codes: NoteCodeRef[];
}

export interface NoteGroup {
  kind: NoteKind;
  label: string;
  notes: NoteView[];
}

export interface CodeDetail {
  system: CodeSystem;
  release: string;
  code: string;
  display: string;
  title: string;
  shortTitle?: string;
  valid: boolean;
  breadcrumb: BreadcrumbItem[];
  parent?: CodeLink;
  /** The parent's children (or the section's categories) in order, this code included. */
  siblings: CodeLink[];
  children: CodeLink[];
  /** Notes that apply, grouped by kind in reading order; each group: own notes first, then inherited. */
  notes: NoteGroup[];
  /** False when the pack carries no Tabular List: the panel then says notes are not in this code set. */
  notesAvailable: boolean;
  headerWarning?: string;
  sevenChr?: SevenChrView;
}

export const NOTE_LABELS: Record<NoteKind, string> = {
  includes: 'Includes',
  inclusionTerm: 'Inclusion terms',
  excludes1: 'Excludes1',
  excludes2: 'Excludes2',
  codeFirst: 'Code first',
  useAdditionalCode: 'Use additional code',
  codeAlso: 'Code also',
  notes: 'Notes',
  sevenChrNote: '7th character',
};

export const HEADER_WARNING = 'not valid for reporting — pick a more specific code';

/**
 * The Tabular view of one code: where it sits, its neighbours, and every instructional note that
 * applies to it — its own and those inherited from its ancestors, section and chapter (ICD-10-CM
 * Official Guidelines I.A.: a note at a higher level applies to all codes below it). Returns
 * undefined for a code the pack does not have.
 */
export function codeDetail(pack: Pack, input: string): CodeDetail | undefined {
  const h = packHierarchy(pack);
  const code = normalizeCodeInput(input);
  const row = h.rows.get(code);
  if (!row) return undefined;
  const show = (c: string) => displayCode(pack.system, c);
  const link = (c: string): CodeLink => {
    const r = h.rows.get(c)!;
    return { code: c, display: show(c), title: r[2], valid: r[1] === 1 };
  };
  const codeItem = (c: string): BreadcrumbItem => {
    const r = h.rows.get(c)!;
    const level: DetailLevel = c.length === 3 ? 'category' : r[1] === 1 ? 'code' : 'subcategory';
    return { level, code: show(c), target: c, title: r[2] };
  };

  const ancestors = ancestorsOf(h, code);
  const category = ancestors.length ? ancestors[ancestors.length - 1] : code;
  const place = tabularPlace(pack, category);
  const chapterItem: BreadcrumbItem | undefined = place.chapter && { level: 'chapter', code: place.chapter.number, title: place.chapter.title };
  const sectionItem: BreadcrumbItem | undefined = place.section && { level: 'section', code: place.section.id, title: place.section.title };
  const breadcrumb = [chapterItem, sectionItem, ...[...ancestors].reverse().map(codeItem), codeItem(code)].filter((b): b is BreadcrumbItem => !!b);

  const parent = h.parent.get(code);
  const detail: CodeDetail = {
    system: pack.system,
    release: pack.release,
    code,
    display: show(code),
    title: row[2],
    valid: row[1] === 1,
    breadcrumb,
    siblings: siblingsOf(pack, h, code, parent, place).map(link),
    children: (h.children.get(code) ?? []).map(link),
    notes: [],
    notesAvailable: packTabular(pack) !== undefined,
  };
  if (row[3] !== undefined) detail.shortTitle = row[3];
  if (parent !== undefined) detail.parent = link(parent);
  if (row[1] === 0) detail.headerWarning = HEADER_WARNING;

  const tabular = packTabular(pack);
  if (tabular) {
    const sources: Array<{ notes: Notes | undefined; from: BreadcrumbItem }> = [
      { notes: tabular.notes[code], from: codeItem(code) },
      ...ancestors.map((a) => ({ notes: tabular.notes[a], from: codeItem(a) })),
    ];
    if (place.section && sectionItem) sources.push({ notes: place.section.notes, from: sectionItem });
    if (place.chapter && chapterItem) sources.push({ notes: place.chapter.notes, from: chapterItem });
    detail.notes = groupNotes(sources, (c) => h.rows.has(c));
    const sevenChr = sevenChrFor(pack, code);
    if (sevenChr) detail.sevenChr = sevenChr;
  }
  return detail;
}

function siblingsOf(pack: Pack, h: PackHierarchy, code: string, parent: string | undefined, place: TabularPlace): string[] {
  if (parent !== undefined) return h.children.get(parent) ?? [];
  if (place.section) return place.section.categories.filter((c) => h.rows.has(c));
  // Without a tabular, ICD-10-CM categories are grouped by chapter (there is no section list).
  if (pack.system === 'icd10cm' && place.chapter) {
    const chapter = place.chapter.number;
    return h.roots.filter((c) => tabularPlace(pack, c).chapter?.number === chapter);
  }
  return [code];
}

function groupNotes(sources: Array<{ notes: Notes | undefined; from: BreadcrumbItem }>, isKnown: (code: string) => boolean): NoteGroup[] {
  const groups: NoteGroup[] = [];
  for (const kind of NOTE_KINDS) {
    const notes: NoteView[] = [];
    sources.forEach(({ notes: n, from }, i) => {
      for (const text of n?.[kind] ?? []) notes.push({ text, from, inherited: i > 0, codes: parseNoteCodes(text, isKnown) });
    });
    if (notes.length) groups.push({ kind, label: NOTE_LABELS[kind], notes });
  }
  return groups;
}
