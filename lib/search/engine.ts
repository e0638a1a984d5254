import type { Pack } from '../codeset/pack';
import type { CodeSystem } from '../codeset/releases';
import { codeMatches, looksLikeCode } from './code-query';
import { defaultLexicon } from './default-lexicon';
import { buildIndexData, DOC_MASK, docNorm, idfOf, indexView, KINDS, OPTIONAL_FACTOR, systemOf, textAt, type IndexView, type SearchIndexData } from './index-data';
import type { Lexicon } from './lexicon';
import { defaultWordParts } from './word-parts';
import { normalizeText, stem } from './normalize';
import { parseQuery, Vocabulary, type QueryGroup, type SynonymLookup } from './query';
import type { MatchReason, SearchEngine, SearchOptions, SearchResult } from './types';

const MAX_QUERY_CHARS = 256;
const SHORT_QUERY_CHARS = 2;
const SHORT_QUERY_CACHE_SIZE = 2048;
/** A header is shown, but a valid code of equal merit ranks above it: only valid codes are reported. */
const HEADER_FACTOR = 0.9;
/** A document whose every essential word was asked for is an especially good match. */
const FULL_MATCH_BONUS = 1.25;
/** Valid codes under a header found by the query: how many join, and how close to the header they rank. */
const CHILDREN_PER_HEADER = 3;
const MAX_CHILDREN_SCANNED = 400;
const CHILD_FACTOR = 0.95;
/** Score kept by a document whose words the query did not touch at all (relative to a full match). */
const DOC_COVER_BASE = 0.5;
/** Scores within this ratio count as the same fit when choosing among a code's 7th-character variants. */
const EQUAL_FIT = 0.98;
/** Score kept by a further 7th-character variant of a code already listed. */
const REPEATED_STEM_FACTOR = 0.6;
/** Postings above which a query word is scored only in documents the other words found. */
const BROAD_POSTINGS = 10_000;

export interface SearchEngineWithStats extends SearchEngine {
  stats(): { codes: number; docs: number; terms: number; buildMs: number };
  data: SearchIndexData;
}

/** Builds an engine over packs (one release per code system). */
export function createSearchEngine(packs: Pack[], lexicon: Lexicon = defaultLexicon()): SearchEngineWithStats {
  const t0 = performance.now();
  const data = buildIndexData(packs);
  return engineFromData(data, lexicon, performance.now() - t0);
}

/** An engine over a prepared index (built earlier, e.g. restored from IndexedDB in a worker). */
export function engineFromData(stored: SearchIndexData, lexicon: Lexicon = defaultLexicon(), buildMs = 0): SearchEngineWithStats {
  const data = indexView(stored);
  const vocab = new Vocabulary(data);
  const nDocs = data.docCode.length;
  const nCodes = data.code.length;
  // Scratch buffers reused by every query: no allocation proportional to the index per keystroke.
  const docScore = new Float32Array(nDocs);
  const docMask = new Uint32Array(nDocs);
  const groupBest = new Float32Array(nDocs);
  const groupTouched = new Int32Array(nDocs);
  const touched = new Int32Array(nDocs);
  const codeBest = new Float32Array(nCodes);
  const codeSecond = new Float32Array(nCodes);
  const codeBestDoc = new Int32Array(nCodes);
  const codesTouched = new Int32Array(nCodes);
  const codeFinal = new Float64Array(nCodes);
  const phraseSum = new Float32Array(nDocs);
  const phraseCount = new Uint8Array(nDocs);
  const phraseTouched = new Int32Array(nDocs);
  const { codeRank, subtreeEnd } = data;
  // The parts of a posting's weight, computed once per engine (see SearchIndexData.postDoc).
  const termIdf = Float32Array.from(data.termDf, (df) => idfOf(df, nDocs));
  const docNorms = new Float32Array(nDocs);
  for (let d = 0; d < nDocs; d++) docNorms[d] = docNorm(data.docLength[d], data.avgDocLength, data.docKind[d]);
  const synonyms = synonymLookup(data);
  const wordParts = defaultWordParts();
  const altFactorOfTerm = new Float32Array(data.terms.length);

  // One or two characters match a large part of the index and are typed at the start of every
  // query: their answers are kept (there are few such queries), so typing starts instantly.
  const shortQueryCache = new Map<string, SearchResult[]>();

  function search(query: string, options: SearchOptions = {}): SearchResult[] {
    const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS).trim() : '';
    if (!text) return [];
    if (text.length > SHORT_QUERY_CHARS) return searchText(text, options);
    const key = `${text.toLowerCase()}\u0001${JSON.stringify([options.limit, options.systems, options.validOnly, options.chapter])}`;
    let results = shortQueryCache.get(key);
    if (!results) {
      results = searchText(text, options);
      if (shortQueryCache.size >= SHORT_QUERY_CACHE_SIZE) shortQueryCache.clear();
      shortQueryCache.set(key, results);
    }
    return results.map((r) => ({ ...r, why: r.why.map((w) => ({ ...w })) }));
  }

  function searchText(text: string, options: SearchOptions): SearchResult[] {
    const limit = Math.max(1, Math.min(options.limit ?? 20, 200));
    const accept = filterFor(options);
    const results: SearchResult[] = [];
    const seen = new Set<number>();

    const codeShaped = looksLikeCode(text);
    if (codeShaped)
      for (const c of codeMatches(data, text, limit, accept)) {
        seen.add(c);
        results.push(toResult(c, 1000 - results.length, [{ kind: 'code', text: data.code[c] }]));
      }

    // A code written with its dot ("Z99.999") is only ever a code: when it is not in the code set,
    // its digits must not match words ("999 grams").
    if (codeShaped && text.includes('.')) return results;
    const groups = parseQuery(text, vocab, lexicon, synonyms, wordParts);
    if (groups.length && results.length < limit) {
      for (const { code, score, doc, via } of rankWords(groups, Math.min(Math.max(3 * limit, limit + 60), 250) + seen.size, accept)) {
        if (results.length >= limit) break;
        if (seen.has(code)) continue;
        const reason = reasonFor(doc, groups);
        results.push(toResult(code, score, [via === undefined ? reason : { ...reason, via: data.code[via] }]));
      }
    }
    return results;
  }

  function rankWords(groups: QueryGroup[], limit: number, accept: (code: number) => boolean): Ranked[] {
    const n = groups.length;
    let tCount = 0;
    // Selective words first. The word being typed, when its completions would touch a large part
    // of the index ("in", "w", "l"), then only scores the documents the other words found, one
    // document at a time: typing never waits on a full scan of common words. Whole words are
    // always scored fully, so a document missing the rarest word can still rank.
    const costs = groups.map(postingCount);
    const order = groups.map((_, g) => g).sort((a, b) => costs[a] - costs[b]);
    for (const g of order) {
      const group = groups[g];
      const bit = 1 << g;
      let gCount = 0;
      const offer = (d: number, s: number) => {
        if (groupBest[d] === 0) groupTouched[gCount++] = d;
        if (s > groupBest[d]) groupBest[d] = s;
      };
      if (group.partial && costs[g] > BROAD_POSTINGS && tCount > 0 && tCount < costs[g] / 4) {
        scoreTouchedDocs(group, touched, tCount, offer);
      } else for (const alt of group.alts) {
        if (alt.terms.length === 1) {
          const term = alt.terms[0];
          const end = data.postStart[term + 1];
          const w = alt.factor * termIdf[term];
          for (let p = data.postStart[term]; p < end; p++) {
            const raw = data.postDoc[p];
            const d = raw & DOC_MASK;
            offer(d, w * docNorms[d] * (raw === d ? 1 : OPTIONAL_FACTOR));
          }
          continue;
        }
        // A phrase (an expanded abbreviation) scores by the words of it a document has.
        let pCount = 0;
        for (const term of alt.terms) {
          const end = data.postStart[term + 1];
          for (let p = data.postStart[term]; p < end; p++) {
            const raw = data.postDoc[p];
            const d = raw & DOC_MASK;
            if (phraseCount[d] === 0) phraseTouched[pCount++] = d;
            phraseSum[d] += termIdf[term] * docNorms[d] * (raw === d ? 1 : OPTIONAL_FACTOR);
            phraseCount[d]++;
          }
        }
        for (let i = 0; i < pCount; i++) {
          const d = phraseTouched[i];
          offer(d, (alt.factor * phraseSum[d] * phraseCount[d]) / alt.terms.length);
          phraseSum[d] = 0;
          phraseCount[d] = 0;
        }
      }
      for (let i = 0; i < gCount; i++) {
        const d = groupTouched[i];
        if (docMask[d] === 0) touched[tCount++] = d;
        docScore[d] += groupBest[d];
        docMask[d] |= bit;
        groupBest[d] = 0;
      }
    }

    // Documents → codes: a code scores by its best document, helped a little by a second one.
    // Documents matching too few of the words are skipped — unless too few match more (a long
    // query in other wording than the titles), then the bar is lowered until enough remain.
    const minMatched = matchThreshold(n, tCount, limit);
    let cCount = 0;
    for (let i = 0; i < tCount; i++) {
      const d = touched[i];
      const matched = popcount(docMask[d]);
      let s = docScore[d];
      docScore[d] = 0;
      docMask[d] = 0;
      if (matched < minMatched) continue;
      const coverage = matched / n;
      s *= coverage * coverage;
      // What the document says beyond the query counts against it, by how informative it is:
      // "Typhoid pneumonia" adds a rare word to "pneumonia", "Pneumonia, unspecified organism" a
      // common one. (The matched share is recovered from the score: weight = idf × document norm.)
      const info = data.docInfo[d];
      if (info > 0) {
        const said = s / (coverage * coverage) / docNorms[d];
        s *= DOC_COVER_BASE + (1 - DOC_COVER_BASE) * Math.min(1, said / info);
      }
      if (matched >= data.docLength[d]) s *= FULL_MATCH_BONUS;
      const c = data.docCode[d];
      if (!accept(c)) continue;
      if (codeBest[c] === 0) {
        codesTouched[cCount++] = c;
        codeBest[c] = s;
        codeBestDoc[c] = d;
      } else if (s > codeBest[c]) {
        codeSecond[c] = codeBest[c];
        codeBest[c] = s;
        codeBestDoc[c] = d;
      } else if (s > codeSecond[c]) codeSecond[c] = s;
    }

    const top: Ranked[] = [];
    for (let i = 0; i < cCount; i++) {
      const c = codesTouched[i];
      let s = codeBest[c] + 0.1 * codeSecond[c];
      if (!data.codeValid[c]) s *= HEADER_FACTOR;
      codeFinal[c] = s;
      if (top.length < limit || s > top[top.length - 1].score) insertRanked(top, { code: c, score: s, doc: codeBestDoc[c] }, limit, data);
    }
    addChildrenOfHeaders(top, limit, accept);
    spreadSeventhCharacters(top);
    for (let i = 0; i < cCount; i++) {
      const c = codesTouched[i];
      codeBest[c] = 0;
      codeSecond[c] = 0;
      codeFinal[c] = 0;
    }
    return top;
  }

  function matchThreshold(n: number, tCount: number, limit: number): number {
    if (n <= 2) return 1;
    const atLeast = new Int32Array(n + 2);
    for (let i = 0; i < tCount; i++) atLeast[popcount(docMask[touched[i]])]++;
    for (let m = n - 1; m >= 1; m--) atLeast[m] += atLeast[m + 1];
    let t = Math.ceil(n / 2);
    while (t > 1 && atLeast[t] < limit * 4) t--;
    return t;
  }

  /**
   * The same code with another 7th character (initial encounter, subsequent, sequela) is one
   * choice for the coder, made in the 7th-character step: after the first of them, the others
   * move below different codes of nearly the same merit, so the list shows more distinct codes.
   */
  function spreadSeventhCharacters(top: Ranked[]): void {
    // Variants of one code: the one that stands for them is the first in code order (A, initial
    // encounter, before D and S) among those the query fits about equally well.
    const byStem = new Map<string, Ranked[]>();
    for (const r of top) {
      const code = data.code[r.code];
      if (code.length !== 7 || data.codeSystem[r.code] !== 0) continue;
      const stem = code.slice(0, 6);
      const list = byStem.get(stem);
      if (list) list.push(r);
      else byStem.set(stem, [r]);
    }
    let changed = false;
    for (const variants of byStem.values()) {
      if (variants.length < 2) continue;
      const best = variants[0].score;
      const standIn = variants.filter((v) => v.score >= best * EQUAL_FIT).reduce((a, b) => (codeRank[b.code] < codeRank[a.code] ? b : a));
      for (const v of variants) v.score = v === standIn ? best : v.score * REPEATED_STEM_FACTOR;
      changed = true;
    }
    // A header below one of its own valid codes adds nothing for the coder either.
    const listed: string[] = [];
    for (const r of top) {
      const code = data.code[r.code];
      if (data.codeValid[r.code]) listed.push(code);
      else if (listed.some((c) => c.startsWith(code))) {
        r.score *= REPEATED_STEM_FACTOR;
        changed = true;
      }
    }
    if (changed) top.sort((a, b) => b.score - a.score || codeRank[a.code] - codeRank[b.code]);
  }

  function postingCount(group: QueryGroup): number {
    let total = 0;
    for (const alt of group.alts) for (const t of alt.terms) total += data.postStart[t + 1] - data.postStart[t];
    return total;
  }

  /** Scores one word's alternatives in the given documents by reading each document's terms. */
  function scoreTouchedDocs(group: QueryGroup, docs: Int32Array, count: number, offer: (d: number, s: number) => void): void {
    const single = group.alts.filter((a) => a.terms.length === 1);
    const phrases = group.alts.filter((a) => a.terms.length > 1);
    for (const a of single) if (a.factor > altFactorOfTerm[a.terms[0]]) altFactorOfTerm[a.terms[0]] = a.factor;
    for (let i = 0; i < count; i++) {
      const d = docs[i];
      const start = data.docTokStart[d];
      const end = data.docTokStart[d + 1];
      const required = data.docLength[d];
      let best = 0;
      for (let k = start; k < end; k++) {
        const t = data.docTokens[k];
        const factor = altFactorOfTerm[t];
        if (factor === 0) continue;
        const w = factor * weightIn(t, d, k - start >= required);
        if (w > best) best = w;
      }
      for (const alt of phrases) {
        let sum = 0;
        let found = 0;
        for (const t of alt.terms)
          for (let k = start; k < end; k++)
            if (data.docTokens[k] === t) {
              sum += weightIn(t, d, k - start >= required);
              found++;
              break;
            }
        const w = (alt.factor * sum * found) / alt.terms.length;
        if (w > best) best = w;
      }
      if (best > 0) offer(d, best);
    }
    for (const a of single) altFactorOfTerm[a.terms[0]] = 0;
  }

  function weightIn(term: number, doc: number, optional: boolean): number {
    return termIdf[term] * docNorms[doc] * (optional ? OPTIONAL_FACTOR : 1);
  }

  /**
   * A header found by the query (often through an Index entry printed with a dash, "M20.5X-")
   * is not reportable: its most fitting valid codes are what the coder needs next, so they join
   * the results just above it, ordered by their own match and then in code order.
   */
  function addChildrenOfHeaders(top: Ranked[], limit: number, accept: (code: number) => boolean): void {
    const headers = top.filter((r) => !data.codeValid[r.code]);
    for (const header of headers) {
      const raw = header.score / HEADER_FACTOR;
      const candidates: number[] = [];
      const rank = codeRank[header.code];
      const end = Math.min(subtreeEnd[rank], rank + 1 + MAX_CHILDREN_SCANNED);
      for (let i = rank + 1; i < end; i++) {
        const c = data.codeOrder[i];
        if (data.codeValid[c] && accept(c)) candidates.push(c);
      }
      candidates.sort((a, b) => codeFinal[b] - codeFinal[a] || codeRank[a] - codeRank[b]);
      for (const c of candidates.slice(0, CHILDREN_PER_HEADER)) {
        const s = Math.max(codeFinal[c], CHILD_FACTOR * raw + 0.05 * codeFinal[c]);
        const at = top.findIndex((r) => r.code === c);
        if (at >= 0) {
          if (top[at].score >= s) continue;
          top.splice(at, 1);
        }
        if (top.length < limit || s > top[top.length - 1].score) insertRanked(top, { code: c, score: s, doc: header.doc, via: header.code }, limit, data);
      }
    }
  }

  function filterFor(options: SearchOptions): (code: number) => boolean {
    const systems = options.systems?.length ? new Set<CodeSystem>(options.systems) : undefined;
    const chapter = options.chapter ? Number(options.chapter) : 0;
    const validOnly = options.validOnly === true;
    if (!systems && !chapter && !validOnly) return () => true;
    return (c) => (!systems || systems.has(systemOf(data, c))) && (!validOnly || data.codeValid[c] === 1) && (!chapter || data.codeChapter[c] === chapter);
  }

  function reasonFor(doc: number, groups: QueryGroup[]): MatchReason {
    const kind = KINDS[data.docKind[doc]];
    const text = textAt(data.docText, doc) || textAt(data.codeTitle, data.docCode[doc]);
    const tokens = new Set(data.docTokens.subarray(data.docTokStart[doc], data.docTokStart[doc + 1]));
    const rewrites: NonNullable<MatchReason['rewrites']> = [];
    for (const g of groups) {
      if (g.alts.some((a) => !a.how && tokens.has(a.terms[0]))) continue;
      const alt = g.alts.find((a) => a.how && a.terms.some((t) => tokens.has(t)));
      const to = alt && alt.terms.map((t) => surfaceForm(text, vocab.term(t))).join(' ');
      if (alt?.how && to && !rewrites.some((r) => r.from === g.source && r.to === to)) rewrites.push({ from: g.source, to, how: alt.how });
    }
    return rewrites.length ? { kind, text, rewrites } : { kind, text };
  }

  function toResult(c: number, score: number, why: MatchReason[]): SearchResult {
    return { system: systemOf(data, c), code: data.code[c], title: textAt(data.codeTitle, c), valid: data.codeValid[c] === 1, score, why };
  }

  return {
    search,
    data: stored,
    stats: () => ({ codes: nCodes, docs: nDocs, terms: data.terms.length, buildMs: Math.round(buildMs) }),
  };
}

interface Ranked {
  code: number;
  score: number;
  doc: number;
  /** The header whose match brought this code in. */
  via?: number;
}

/** Keeps `top` sorted best first (ties: code order) and at most `limit` long. */
function insertRanked(top: Ranked[], item: Ranked, limit: number, data: IndexView): void {
  let i = top.length;
  while (i > 0 && better(item, top[i - 1], data)) i--;
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}

function better(a: { code: number; score: number }, b: { code: number; score: number }, data: IndexView): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return data.codeRank[a.code] < data.codeRank[b.code];
}

/** The word as the document spells it, for a vocabulary term that may be a stem ("diabete" → "diabetes"). */
function surfaceForm(text: string, term: string): string {
  for (const m of normalizeText(text).matchAll(/[a-z0-9]+/g)) if (stem(m[0]) === term) return m[0];
  return term;
}

/** The Index's "see" synonyms of the prepared index, by word. */
function synonymLookup(data: IndexView): SynonymLookup {
  const map = new Map<string, Array<{ terms: string[]; factor: number }>>();
  data.synonymWord.forEach((word, i) => {
    const list = map.get(word) ?? [];
    list.push({ terms: data.synonymTarget[i].split(' '), factor: data.synonymFactor[i] });
    map.set(word, list);
  });
  return { get: (token) => map.get(token) };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
