import type { CodeSystem } from '../codeset/releases';
import { collectDocuments, type IndexSynonym } from './documents';
import type { Pack } from '../codeset/pack';
import { tokenize } from './normalize';
import type { MatchKind } from './types';

export const KINDS: MatchKind[] = ['code', 'title', 'shortTitle', 'inclusion', 'index', 'eindex', 'drug', 'neoplasm'];
const SYSTEMS: CodeSystem[] = ['icd10cm', 'icd10pcs', 'hcpcs'];

/** How much a match in each kind of document counts (titles and index entries are what coders trust). */
const KIND_BOOST: Record<MatchKind, number> = { code: 1, title: 1, shortTitle: 0.8, inclusion: 0.95, index: 1, eindex: 0.95, drug: 0.9, neoplasm: 0.9 };
/** A nonessential modifier may match, but counts for less than an essential word. */
export const OPTIONAL_FACTOR = 0.35;
/** Marks a posting of a nonessential modifier (document ids stay below 2^31). */
export const OPTIONAL_BIT = 0x80000000;
export const DOC_MASK = 0x7fffffff;
const K1 = 1.2;
const B = 0.6;

/**
 * Many strings packed into one UTF-8 byte array: structured clone (IndexedDB, postMessage) copies
 * a byte array far faster than hundreds of thousands of short strings, which decides how fast
 * the panel opens. Strings are decoded when read (titles and reasons of the results shown).
 */
export interface PackedStrings {
  bytes: Uint8Array;
  /** Start of each string in `bytes`; one more entry than strings (the end). */
  offsets: Uint32Array;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function packStrings(list: readonly string[]): PackedStrings {
  const offsets = new Uint32Array(list.length + 1);
  for (let i = 0; i < list.length; i++) offsets[i + 1] = offsets[i] + utf8Length(list[i]);
  const bytes = utf8.encode(list.join(''));
  if (bytes.length !== offsets[list.length]) throw new Error('packStrings: UTF-8 length mismatch (unpaired surrogate?)');
  return { bytes, offsets };
}

/** Bytes of a string in UTF-8, counted without encoding it (an unpaired surrogate counts as U+FFFD). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function stringAt(packed: PackedStrings, i: number): string {
  const start = packed.offsets[i];
  const end = packed.offsets[i + 1];
  return start === end ? '' : fromUtf8.decode(packed.bytes.subarray(start, end));
}

export function unpackStrings(packed: PackedStrings): string[] {
  const n = packed.offsets.length - 1;
  const out = new Array<string>(n);
  const whole = fromUtf8.decode(packed.bytes);
  // All ASCII (codes, the vocabulary): byte offsets are character offsets.
  if (whole.length === packed.bytes.length) for (let i = 0; i < n; i++) out[i] = whole.slice(packed.offsets[i], packed.offsets[i + 1]);
  else for (let i = 0; i < n; i++) out[i] = stringAt(packed, i);
  return out;
}

/**
 * Texts (titles, index paths) stored as ids of recurring pieces — a word with the separator that
 * follows it — over one small dictionary: titles repeat the same few thousand pieces ("Fracture ",
 * "of ", "Percutaneous "), so this is a quarter of their UTF-8 size, which is what the panel reads
 * on opening.
 */
export interface TextTable {
  pieces: PackedStrings;
  /** Piece ids of every text, one text after another. */
  ids: Uint16Array | Uint32Array;
  /** Start of each text in `ids`; one more entry than texts. */
  offsets: Uint32Array;
}

const PIECE = /[A-Za-z0-9]+[^A-Za-z0-9]*|[^A-Za-z0-9]+/g;

export function packTexts(list: readonly string[]): TextTable {
  const pieceIds = new Map<string, number>();
  const ids: number[] = [];
  const offsets = new Uint32Array(list.length + 1);
  list.forEach((text, i) => {
    for (const m of text.matchAll(PIECE)) {
      let id = pieceIds.get(m[0]);
      if (id === undefined) pieceIds.set(m[0], (id = pieceIds.size));
      ids.push(id);
    }
    offsets[i + 1] = ids.length;
  });
  return { pieces: packStrings([...pieceIds.keys()]), ids: pieceIds.size <= 0xffff ? Uint16Array.from(ids) : Uint32Array.from(ids), offsets };
}

const decodedPieces = new WeakMap<TextTable, string[]>();

export function textAt(table: TextTable, i: number): string {
  let pieces = decodedPieces.get(table);
  if (!pieces) decodedPieces.set(table, (pieces = unpackStrings(table.pieces)));
  let out = '';
  for (let k = table.offsets[i]; k < table.offsets[i + 1]; k++) out += pieces[table.ids[k]];
  return out;
}

/**
 * The prepared search index: typed arrays and packed strings only, so it can be built once, kept
 * in IndexedDB or passed to a worker by structured clone, and queried after a quick unpacking of
 * the codes and the vocabulary (`indexView`).
 */
export interface SearchIndexData {
  version: 7;
  /** Mean number of essential tokens per document (for weights computed at query time). */
  avgDocLength: number;
  codeSystem: Uint8Array;
  code: PackedStrings;
  codeTitle: TextTable;
  codeValid: Uint8Array;
  /** ICD-10-CM chapter number, 0 when none. */
  codeChapter: Uint8Array;
  /** Codes sorted by code text, for prefix lookups. */
  codeOrder: Uint32Array;
  /** For each position in code order, the end of the run of codes under that code (same system). */
  codeSubtreeEnd: Uint32Array;
  docCode: Uint32Array;
  docKind: Uint8Array;
  /** Display text of documents that are not the code's own title ('' for titles and short titles). */
  docText: TextTable;
  docTokStart: Uint32Array;
  /** Term ids of each document, essential ones first (16-bit while the vocabulary allows). */
  docTokens: Uint16Array | Uint32Array;
  /** Number of essential tokens of each document. */
  docLength: Uint16Array;
  /** Sum of the essential tokens' idf: how much the document says. */
  docInfo: Float32Array;
  /** Vocabulary, sorted (prefix ranges by binary search). */
  terms: PackedStrings;
  termDf: Uint32Array;
  postStart: Uint32Array;
  /**
   * Documents of each term; the top bit marks a nonessential modifier. A posting's weight is
   * computed when read (idf of the term × norm of the document), which keeps the stored index
   * smaller and so the panel quicker to open.
   */
  postDoc: Uint32Array;
  /** Index "see" synonyms: the word (one token), its target's tokens (space-separated), weight. */
  synonymWord: string[];
  synonymTarget: string[];
  synonymFactor: Float32Array;
}

export function systemOf(data: Pick<SearchIndexData, 'codeSystem'>, code: number): CodeSystem {
  return SYSTEMS[data.codeSystem[code]];
}

/** The index as queried: codes and vocabulary unpacked (they are read on every keystroke). */
export interface IndexView extends Omit<SearchIndexData, 'code' | 'terms'> {
  code: string[];
  terms: string[];
  /** Position of each code in code order. */
  codeRank: Uint32Array;
  /** Same as codeSubtreeEnd. */
  subtreeEnd: Uint32Array;
}

export function indexView(data: SearchIndexData): IndexView {
  const code = unpackStrings(data.code);
  const codeRank = new Uint32Array(code.length);
  data.codeOrder.forEach((c, i) => (codeRank[c] = i));
  return { ...data, code, terms: unpackStrings(data.terms), codeRank, subtreeEnd: data.codeSubtreeEnd };
}

/**
 * Codes sorted by text: a code's descendants directly follow it. One pass with a stack finds
 * where each run ends (computed when the index is built, so opening the panel does not).
 */
function subtreeEnds(code: readonly string[], system: Uint8Array, order: Uint32Array): Uint32Array {
  const subtreeEnd = new Uint32Array(order.length);
  const stack: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const c = order[i];
    while (stack.length) {
      const top = order[stack[stack.length - 1]];
      if (system[top] === system[c] && code[c].startsWith(code[top])) break;
      subtreeEnd[stack.pop()!] = i;
    }
    stack.push(i);
  }
  for (const i of stack) subtreeEnd[i] = order.length;
  return subtreeEnd;
}

/**
 * Weight of a term in a document (BM25-like: rarer terms and shorter documents weigh more) is
 * idfOf(term) × docNorm(document), times OPTIONAL_FACTOR for a nonessential modifier.
 */
export function idfOf(df: number, nDocs: number): number {
  return Math.log(1 + (nDocs - df + 0.5) / (df + 0.5));
}

/** The part of a term's weight that depends on the document only (its length and kind). */
export function docNorm(docLength: number, avgDocLength: number, kind: number): number {
  return ((K1 + 1) / (1 + K1 * (1 - B + (B * docLength) / avgDocLength))) * KIND_BOOST[KINDS[kind]];
}

/** Builds the search index of a set of packs. */
export function buildIndexData(packs: Pack[]): SearchIndexData {
  const { codes, docs, synonyms } = collectDocuments(packs);
  const learned = synonymRows(synonyms);
  const nDocs = docs.length;
  const termIds = new Map<string, number>();
  const idOf = (t: string) => {
    let id = termIds.get(t);
    if (id === undefined) termIds.set(t, (id = termIds.size));
    return id;
  };
  // Every document's terms in one flat list (essential first, then modifiers), each term once per
  // document: few allocations, since there are hundreds of thousands of documents.
  const flat: number[] = [];
  const docTokStart = new Uint32Array(nDocs + 1);
  const docLength = new Uint16Array(nDocs);
  const lastDoc: number[] = [];
  // Modifier lists repeat ("initial encounter for closed fracture", nonessential words).
  const optionalIds = new Map<string, number[]>();
  let totalLen = 0;
  for (let d = 0; d < nDocs; d++) {
    const stamp = d + 1;
    for (const t of tokenize(docs[d].words)) {
      const id = idOf(t);
      if (lastDoc[id] !== stamp) {
        lastDoc[id] = stamp;
        flat.push(id);
      }
    }
    const required = flat.length - docTokStart[d];
    const optional = docs[d].optional;
    if (optional) {
      let ids = optionalIds.get(optional);
      if (!ids) optionalIds.set(optional, (ids = tokenize(optional).map(idOf)));
      for (const id of ids)
        if (lastDoc[id] !== stamp) {
          lastDoc[id] = stamp;
          flat.push(id);
        }
    }
    docTokStart[d + 1] = flat.length;
    docLength[d] = Math.min(required, 65535);
    totalLen += required;
  }
  // Sort the vocabulary so prefixes are contiguous ranges; remap ids.
  const byName = [...termIds.keys()].sort();
  const remap = new Uint32Array(termIds.size);
  byName.forEach((t, i) => (remap[termIds.get(t)!] = i));
  const nTerms = byName.length;

  const docTokens = nTerms <= 0xffff ? new Uint16Array(flat.length) : new Uint32Array(flat.length);
  const df = new Uint32Array(nTerms);
  for (let k = 0; k < flat.length; k++) df[(docTokens[k] = remap[flat[k]])]++;
  const postStart = new Uint32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) postStart[t + 1] = postStart[t] + df[t];
  const fill = postStart.slice(0, nTerms);
  const postDoc = new Uint32Array(postStart[nTerms]);
  const avgLen = totalLen / Math.max(1, nDocs);
  const docInfo = new Float32Array(nDocs);
  for (let d = 0; d < nDocs; d++) {
    const requiredEnd = docTokStart[d] + docLength[d];
    for (let k = docTokStart[d]; k < docTokStart[d + 1]; k++) {
      const t = docTokens[k];
      const optional = k >= requiredEnd;
      postDoc[fill[t]++] = optional ? (d | OPTIONAL_BIT) >>> 0 : d;
      if (!optional) docInfo[d] += idfOf(df[t], nDocs);
    }
  }
  const codeSystem = Uint8Array.from(codes, (c) => SYSTEMS.indexOf(c.system));
  const codeOrder = Uint32Array.from(codes.keys()).sort((a, b) => (codes[a].code < codes[b].code ? -1 : codes[a].code > codes[b].code ? 1 : a - b));
  return {
    version: 7,
    avgDocLength: avgLen,
    codeSystem,
    code: packStrings(codes.map((c) => c.code)),
    codeTitle: packTexts(codes.map((c) => c.title)),
    codeValid: Uint8Array.from(codes, (c) => (c.valid ? 1 : 0)),
    codeChapter: Uint8Array.from(codes, (c) => Number(c.chapter ?? 0)),
    codeOrder,
    codeSubtreeEnd: subtreeEnds(
      codes.map((c) => c.code),
      codeSystem,
      codeOrder,
    ),
    docCode: Uint32Array.from(docs, (d) => d.code),
    docKind: Uint8Array.from(docs, (d) => KINDS.indexOf(d.kind)),
    // A title's text is the code's title; a short title's is not kept either (it would add a
    // tenth to the stored index): the reason then shows the long title it abbreviates.
    docText: packTexts(docs.map((d) => (d.kind === 'title' || d.kind === 'shortTitle' ? '' : d.text))),
    docTokStart,
    docTokens,
    docLength,
    docInfo,
    terms: packStrings(byName),
    termDf: df,
    postStart,
    postDoc,
    synonymWord: learned.map((r) => r.word),
    synonymTarget: learned.map((r) => r.target),
    synonymFactor: Float32Array.from(learned, (r) => r.factor),
  };
}

/** A "see" synonym stands in for the word almost fully; a "see also" one less. */
const SYNONYM_FACTOR = { see: 0.9, seeAlso: 0.75 } as const;

function synonymRows(synonyms: IndexSynonym[]): Array<{ word: string; target: string; factor: number }> {
  const out: Array<{ word: string; target: string; factor: number }> = [];
  const seen = new Set<string>();
  for (const s of synonyms) {
    const [word, ...rest] = tokenize(s.word);
    if (!word || rest.length) continue;
    const target = tokenize(s.target).filter((t) => t !== word);
    const key = `${word}\u0001${target.join(' ')}`;
    if (target.length === 0 || target.length > 4 || seen.has(key)) continue;
    seen.add(key);
    out.push({ word, target: target.join(' '), factor: SYNONYM_FACTOR[s.strength] });
  }
  return out;
}
