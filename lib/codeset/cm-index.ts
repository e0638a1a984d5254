import { CodesetError } from './errors';
import { child, childrenNamed, expectRoot, parseXml, type XmlElement } from './xml';

/** A code as printed in the index, a `[manif]` bracket or a drug/neoplasm table cell. */
export interface IndexCode {
  /** As written, trimmed: "K35.80", "T36.0X-", "C56.-". */
  raw: string;
  /** Without the trailing "-" and any dot left dangling before it: "T36.0X", "C56". */
  code: string;
  /** The printed code ends with "-": more characters are required, found in the Tabular. */
  partial: boolean;
}

/** One main term (level 0) or subterm of the Alphabetic or External Cause Index. */
export interface IndexTerm {
  /** 0 for a main term; subterms carry the file's `level` attribute (1-9). */
  level: number;
  /** The essential words: the printed title with its nonessential modifiers taken out. */
  title: string;
  /** Nonessential modifiers without their parentheses: "(acute) (chronic)" → ["acute", "chronic"]. */
  nemod: string[];
  code?: IndexCode;
  /** Manifestation code, printed in brackets after `code`; it is sequenced second. */
  manif?: IndexCode;
  /** "see": the index entry to go to instead (no code here). */
  see?: string;
  /** "see also": another entry that may apply as well. */
  seeAlso?: string;
  /** "see category M01" (`<seecat>`). */
  seeCat?: string;
  /** "see subcategory H93.3" (`<subcat>`). */
  seeSubcat?: string;
  /** `<warning>`: allowed by the schema, unused in the FY2017-FY2026 files. */
  warning?: string;
  terms: IndexTerm[];
}

export interface IndexLetter {
  /** "A".."Z" (the drug table also has "#"). */
  letter: string;
  mainTerms: IndexTerm[];
}

/** A parsed `icd10cm_index.xsd` document: the Alphabetic Index or the External Cause Index. */
export interface CmIndex {
  /** `<version>`, e.g. "2026"; '' when absent. */
  version: string;
  /** Document title, e.g. "ICD-10-CM INDEX TO DISEASES and INJURIES"; '' when absent. */
  title: string;
  letters: IndexLetter[];
}

/** One term of the index flattened to its full path, main term first. */
export interface IndexPathEntry {
  /** Titles from the main term down to this term: ["Appendicitis", "acute", "with"]. */
  path: string[];
  /** `nemod[i]` holds the nonessential modifiers of `path[i]`. */
  nemod: string[][];
  hasSubterms: boolean;
  code?: IndexCode;
  manif?: IndexCode;
  see?: string;
  seeAlso?: string;
  seeCat?: string;
  seeSubcat?: string;
}

export const INDEX_ROOT = 'ICD10CM.index';
// FY2026 added categories with a letter in second place (QA0).
const CODE_PATTERN = /^[A-Z][0-9A-Z][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

/**
 * Parses the ICD-10-CM Alphabetic Index or External Cause Index XML (`icd10cm_index.xsd`).
 * Subterms are kept nested; `level` attributes must agree with the nesting and every code must
 * look like an ICD-10-CM code, so a damaged or foreign file fails with the line at fault.
 * A drug or neoplasm table (same root element, but with column headings) is rejected.
 */
export function parseCmIndex(text: string, file: string): CmIndex {
  const root = parseXml(text, file);
  expectRoot(root, INDEX_ROOT, file);
  if (child(root, 'indexHeading'))
    throw new CodesetError(file, 'this is a drug or neoplasm table (it has column headings), not an index');
  const letters = childrenNamed(root, 'letter').map((el) => ({
    letter: textOf(child(el, 'title') ?? child(el, 'diff') ?? el),
    mainTerms: childrenNamed(el, 'mainTerm').map((m) => readTerm(m, 0, file)),
  }));
  if (letters.length === 0) throw new CodesetError(file, 'the index has no <letter> sections');
  return { version: childTextOf(root, 'version'), title: childTextOf(root, 'title'), letters };
}

function readTerm(el: XmlElement, level: number, file: string): IndexTerm {
  const { title, nemod } = readTitle(el, file);
  const term: IndexTerm = { level, title, nemod, terms: [] };
  for (const c of el.children) {
    switch (c.name) {
      case 'code':
        term.code = readCode(c, file);
        break;
      case 'manif':
        term.manif = readCode(c, file);
        break;
      case 'see': {
        // A few entries print "see also" inside <see> ("<see> also Dermatopolymyositis</see>").
        const text = textOf(c);
        const also = /^also\s+/i.exec(text);
        if (also) term.seeAlso = text.slice(also[0].length);
        else term.see = text;
        break;
      }
      case 'seeAlso':
        term.seeAlso = textOf(c);
        break;
      case 'seecat':
        term.seeCat = textOf(c);
        break;
      case 'subcat':
        term.seeSubcat = textOf(c);
        break;
      case 'warning':
        term.warning = textOf(c);
        break;
      case 'cell':
        throw new CodesetError(file, `line ${c.line}: table cell in an index; parse this file as a drug or neoplasm table`);
      case 'term':
        term.terms.push(readTerm(c, checkLevel(c, level, file), file));
        break;
    }
  }
  return term;
}

/** Reads a term's `level` and checks it is one below its parent, as the printed indentation implies. */
export function checkLevel(el: XmlElement, parentLevel: number, file: string): number {
  const level = Number(el.attrs.level);
  if (level !== parentLevel + 1)
    throw new CodesetError(
      file,
      `line ${el.line}: term level "${el.attrs.level ?? ''}" under a level-${parentLevel} term (expected ${parentLevel + 1})`,
    );
  return level;
}

/**
 * Splits a term's `<title>` (or addenda `<diff>`) into essential words and nonessential
 * modifiers. Only parenthesised text is nonessential by the index conventions, yet ~70 official
 * `<nemod>` elements also hold essential words ("Alder<nemod>(-Reilly) anomaly or syndrome
 * (leukocyte granulation)</nemod>"); those words stay in the title, in place.
 */
export function readTitle(el: XmlElement, file: string): { title: string; nemod: string[] } {
  const holder = child(el, 'title') ?? child(el, 'diff');
  if (!holder) throw new CodesetError(file, `line ${el.line}: <${el.name}> has no <title>`);
  const nemod: string[] = [];
  let essential = '';
  const walk = (node: XmlElement) => {
    for (const n of node.nodes) {
      if (typeof n === 'string') essential += n;
      else if (n.name === 'nemod') essential += splitModifiers(rawText(n), nemod);
      else if (n.name !== 'old') walk(n);
    }
  };
  walk(holder);
  // The FY2017 drug/neoplasm schema put <nemod> beside the title rather than inside it.
  for (const n of childrenNamed(el, 'nemod')) essential += ' ' + splitModifiers(rawText(n), nemod);
  const title = collapse(essential);
  if (title) return { title, nemod };
  // "electric › <nemod>(taser)</nemod>": a subterm made only of a modifier keeps it as its title,
  // otherwise its path would show an empty step.
  const printed = textOf(holder);
  if (!printed) throw new CodesetError(file, `line ${holder.line}: empty <title>`);
  return { title: printed, nemod: [] };
}

/** Pushes each top-level parenthesised group onto `out`; returns the text outside the groups. */
function splitModifiers(text: string, out: string[]): string {
  let outside = '';
  let group = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') {
      if (depth > 0) group += ch;
      depth++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth > 0) group += ch;
      else {
        pushGroup(group, out);
        group = '';
      }
    } else if (ch === ')') {
      // Unbalanced closing parenthesis (FY2017 "Sin nombre ... (cardio)-pulmonary syndrome)"): dropped.
    } else if (depth > 0) group += ch;
    else outside += ch;
  }
  if (depth > 0) pushGroup(group, out);
  return outside;
}

function pushGroup(group: string, out: string[]): void {
  const g = collapse(group);
  if (g) out.push(g);
}

/**
 * Reads a printed code: "K35.80", or a partial one ending in "-" ("T36.0X-", "C56.-").
 * Returns undefined when the text is not an ICD-10-CM code.
 */
export function parseIndexCode(text: string): IndexCode | undefined {
  const raw = text.trim();
  const partial = raw.endsWith('-');
  const code = partial ? raw.slice(0, -1).replace(/\.$/, '') : raw;
  return CODE_PATTERN.test(code) ? { raw, code, partial } : undefined;
}

function readCode(el: XmlElement, file: string): IndexCode {
  const text = textOf(el);
  const code = parseIndexCode(text);
  if (!code) throw new CodesetError(file, `line ${el.line}: <${el.name}> "${text}" is not an ICD-10-CM code`);
  return code;
}

/**
 * Flattens the index into one entry per term (main terms and every subterm, depth first, in
 * file order), each with its full path, the shape a term search needs.
 */
export function flattenIndex(index: CmIndex): IndexPathEntry[] {
  const out: IndexPathEntry[] = [];
  const visit = (term: IndexTerm, path: string[], nemod: string[][]) => {
    const here = [...path, term.title];
    const mods = [...nemod, term.nemod];
    const entry: IndexPathEntry = { path: here, nemod: mods, hasSubterms: term.terms.length > 0 };
    if (term.code) entry.code = term.code;
    if (term.manif) entry.manif = term.manif;
    if (term.see !== undefined) entry.see = term.see;
    if (term.seeAlso !== undefined) entry.seeAlso = term.seeAlso;
    if (term.seeCat !== undefined) entry.seeCat = term.seeCat;
    if (term.seeSubcat !== undefined) entry.seeSubcat = term.seeSubcat;
    out.push(entry);
    for (const t of term.terms) visit(t, here, mods);
  };
  for (const letter of index.letters) for (const m of letter.mainTerms) visit(m, [], []);
  return out;
}

/** The element's text, whitespace-collapsed, leaving out addenda `<old>` (replaced) wording. */
export function textOf(el: XmlElement): string {
  return collapse(rawText(el));
}

export function childTextOf(el: XmlElement, name: string): string {
  const c = child(el, name);
  return c ? textOf(c) : '';
}

function rawText(el: XmlElement): string {
  let s = '';
  for (const n of el.nodes) {
    if (typeof n === 'string') s += n;
    else if (n.name !== 'old') s += rawText(n);
  }
  return s;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
