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
const OPTIONAL_FACTOR = 0.35;
const K1 = 1.2;
const B = 0.6;

/**
 * The prepared search index: plain arrays and typed arrays only, so it can be built once, kept in
 * IndexedDB or passed to a worker by structured clone, and queried without further preparation.
 */
export interface SearchIndexData {
  version: 3;
  /** Mean number of essential tokens per document (for weights computed at query time). */
  avgDocLength: number;
  codeSystem: Uint8Array;
  code: string[];
  codeTitle: string[];
  codeValid: Uint8Array;
  /** ICD-10-CM chapter number, 0 when none. */
  codeChapter: Uint8Array;
  /** Codes sorted by code text, for prefix lookups. */
  codeOrder: Uint32Array;
  docCode: Uint32Array;
  docKind: Uint8Array;
  /** Display text of documents that are not the code's own title ('' for titles). */
  docText: string[];
  docTokStart: Uint32Array;
  docTokens: Uint32Array;
  /** Number of essential tokens of each document. */
  docLength: Uint16Array;
  /** Sum of the essential tokens' idf: how much the document says. */
  docInfo: Float32Array;
  /** Vocabulary, sorted (prefix ranges by binary search). */
  terms: string[];
  termDf: Uint32Array;
  postStart: Uint32Array;
  postDoc: Uint32Array;
  postWeight: Float32Array;
  /** Index "see" synonyms: the word (one token), its target's tokens (space-separated), weight. */
  synonymWord: string[];
  synonymTarget: string[];
  synonymFactor: Float32Array;
}

export function systemOf(data: SearchIndexData, code: number): CodeSystem {
  return SYSTEMS[data.codeSystem[code]];
}

/**
 * Weight of a term in a document (BM25-like: rarer terms and shorter documents weigh more),
 * scaled by how much the document's kind is trusted and down for a nonessential modifier. Used
 * for the postings at build time and, identically, for documents scored one by one at query time.
 */
export function termWeight(df: number, nDocs: number, docLength: number, avgDocLength: number, kind: number, optional: boolean): number {
  return idfOf(df, nDocs) * docNorm(docLength, avgDocLength, kind) * (optional ? OPTIONAL_FACTOR : 1);
}

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
  const docTok: number[][] = new Array(nDocs);
  const docOpt: number[][] = new Array(nDocs);
  const idOf = (t: string) => {
    let id = termIds.get(t);
    if (id === undefined) termIds.set(t, (id = termIds.size));
    return id;
  };
  let totalLen = 0;
  for (let d = 0; d < nDocs; d++) {
    const req = [...new Set(tokenize(docs[d].words).map(idOf))];
    const reqSet = new Set(req);
    const opt = docs[d].optional ? [...new Set(tokenize(docs[d].optional!).map(idOf))].filter((t) => !reqSet.has(t)) : [];
    docTok[d] = req;
    docOpt[d] = opt;
    totalLen += req.length;
  }
  // Sort the vocabulary so prefixes are contiguous ranges; remap ids.
  const byName = [...termIds.keys()].sort();
  const remap = new Uint32Array(termIds.size);
  byName.forEach((t, i) => (remap[termIds.get(t)!] = i));
  const nTerms = byName.length;

  const df = new Uint32Array(nTerms);
  for (let d = 0; d < nDocs; d++) {
    for (const t of docTok[d]) df[remap[t]]++;
    for (const t of docOpt[d]) df[remap[t]]++;
  }
  const postStart = new Uint32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) postStart[t + 1] = postStart[t] + df[t];
  const fill = postStart.slice(0, nTerms);
  const postDoc = new Uint32Array(postStart[nTerms]);
  const postWeight = new Float32Array(postStart[nTerms]);
  const avgLen = totalLen / Math.max(1, nDocs);
  const docTokStart = new Uint32Array(nDocs + 1);
  const docLength = new Uint16Array(nDocs);
  const docInfo = new Float32Array(nDocs);
  for (let d = 0; d < nDocs; d++) {
    docTokStart[d + 1] = docTokStart[d] + docTok[d].length + docOpt[d].length;
    docLength[d] = Math.min(docTok[d].length, 65535);
  }
  const docTokens = new Uint32Array(docTokStart[nDocs]);
  for (let d = 0; d < nDocs; d++) {
    const len = docTok[d].length;
    const kind = KINDS.indexOf(docs[d].kind);
    let k = docTokStart[d];
    for (const [list, optional] of [[docTok[d], false], [docOpt[d], true]] as const)
      for (const raw of list) {
        const t = remap[raw];
        const slot = fill[t]++;
        postDoc[slot] = d;
        postWeight[slot] = termWeight(df[t], nDocs, len, avgLen, kind, optional);
        if (!optional) docInfo[d] += idfOf(df[t], nDocs);
        docTokens[k++] = t;
      }
  }
  const codeOrder = Uint32Array.from(codes.keys()).sort((a, b) => (codes[a].code < codes[b].code ? -1 : codes[a].code > codes[b].code ? 1 : a - b));
  return {
    version: 3,
    avgDocLength: avgLen,
    codeSystem: Uint8Array.from(codes, (c) => SYSTEMS.indexOf(c.system)),
    code: codes.map((c) => c.code),
    codeTitle: codes.map((c) => c.title),
    codeValid: Uint8Array.from(codes, (c) => (c.valid ? 1 : 0)),
    codeChapter: Uint8Array.from(codes, (c) => Number(c.chapter ?? 0)),
    codeOrder,
    docCode: Uint32Array.from(docs, (d) => d.code),
    docKind: Uint8Array.from(docs, (d) => KINDS.indexOf(d.kind)),
    docText: docs.map((d) => (d.kind === 'title' ? '' : d.text)),
    docTokStart,
    docTokens,
    docLength,
    docInfo,
    terms: byName,
    termDf: df,
    postStart,
    postDoc,
    postWeight,
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
