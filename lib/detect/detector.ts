/**
 * The page detector: `createDetector(data, packsOrLookup).detect(text)` → mentions, in order and
 * non-overlapping: codes written on the page (lib/detect/codes-on-page.ts), then the longest
 * dictionary phrases (lib/detect/matcher.ts) in the text between them, each with ranked candidate
 * codes from the active releases and its context (lib/detect/context.ts).
 *
 * An ambiguous abbreviation standing alone ("MS", "PE", "RA", "CA") is reported only with
 * evidence for exactly one of its meanings (a simple rule, after Schwartz & Hearst's reading of
 * abbreviations defined in the text):
 *  - the meaning is written out elsewhere in the same text ("pulmonary embolism (PE)"), or
 *  - a cue word of that meaning (a content word of its expansion that no other meaning has:
 *    "sclerosis" for multiple sclerosis, "mitral" or "stenosis" for mitral stenosis) stands in
 *    the same sentence, at most 20 words away.
 * Inside a longer phrase the phrase itself is the evidence ("breast CA", "altered MS").
 * A meaning that leads to no code (PE as physical examination, RA as room air) still counts as
 * evidence: when it is the one supported, nothing is reported.
 */
import { CODE_SYSTEMS } from '../codeset/releases';
import { displayCode } from '../codeset/code-format';
import type { Pack } from '../codeset/pack';
import { textAt, unpackStrings } from '../search/index-data';
import { asCodeLookup, type CodeLookup } from './code-lookup';
import { findCodesOnPage, type CodeMention } from './codes-on-page';
import { createContextAnalyzer } from './context';
import { sentenceIndexAt } from './sentences';
import { DETECTOR_DATA_FORMAT, DETECTOR_DATA_VERSION, GROUP_ABBREVIATION, GROUP_STRICT_CASE, prepareDetectorData, type DetectorData } from './dictionary';
import { caseAllows, type DetectorLexicon } from './lexicon-readings';
import { createMatcher, expansionPhrase, type StreamMatch, type WordStream } from './matcher';
import { isSkipKey, termKey } from './term-keys';
import { tokenize, type Token } from './tokens';
import type { CandidateCode, Detector, Mention } from './types';
import { rootTable, trieChild } from './word-trie';

/** Word keys remembered between calls (page vocabularies are small; the cap bounds hostile text). */
const KEY_CACHE_LIMIT = 50_000;
const SKIP = -2;
/** How far a cue word may stand from an ambiguous abbreviation, in words (within its sentence). */
const CUE_WINDOW = 20;

/**
 * A detector over prepared data and the releases it was prepared from: the packs themselves, or
 * a `CodeLookup` over them (lib/detect/code-lookup.ts) when the caller already holds one.
 * Candidate codes missing from the lookup (data prepared from another release) are left out.
 */
export function createDetector(data: DetectorData, source: readonly Pack[] | CodeLookup): Detector {
  if (data.format !== DETECTOR_DATA_FORMAT || data.version !== DETECTOR_DATA_VERSION) throw new Error(`detector data is not ${DETECTOR_DATA_FORMAT} version ${DETECTOR_DATA_VERSION}`);
  const lookup = asCodeLookup(source);
  const words = unpackStrings(data.words);
  const wordIds = new Map<string, number>();
  words.forEach((w, i) => wordIds.set(w, i));
  const phraseRoot = rootTable(data.phrases, words.length);
  const readingRoot = rootTable(data.readings.keys, words.length);
  const matcher = createMatcher(data, phraseRoot);
  const codes = unpackStrings(data.code);
  const forms = unpackStrings(data.readings.groupForm);
  const labels = new Map<number, string>();
  const keyCache = new Map<string, number>();

  function wordOf(token: Token): number {
    // Numbers are their own key; caching them would only churn the cache.
    if (token.isNumber) return wordIds.get(token.norm) ?? -1;
    let id = keyCache.get(token.norm);
    if (id === undefined) {
      const key = termKey(token.norm);
      id = isSkipKey(key) ? SKIP : (wordIds.get(key) ?? -1);
      if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
      keyCache.set(token.norm, id);
    }
    return id;
  }

  const candidateCache = new Map<number, CandidateCode[]>();
  /** A phrase's candidate codes as found in the lookup; fresh objects for every mention. */
  function candidates(phrase: number): CandidateCode[] {
    let list = candidateCache.get(phrase);
    if (!list) candidateCache.set(phrase, (list = lookUpCandidates(phrase)));
    return list.map((c) => ({ ...c }));
  }

  function lookUpCandidates(phrase: number): CandidateCode[] {
    const out: CandidateCode[] = [];
    for (let k = data.phraseCodeStart[phrase]; k < data.phraseCodeStart[phrase + 1]; k++) {
      const id = data.phraseCode[k];
      const system = CODE_SYSTEMS[data.codeSystem[id]];
      const info = lookup.get(system, codes[id]);
      if (info) out.push({ system, code: codes[id], display: displayCode(system, codes[id]), title: info.title, valid: info.valid });
    }
    return out;
  }

  function labelOf(phrase: number): string {
    let label = labels.get(phrase);
    if (label === undefined) labels.set(phrase, (label = textAt(data.phraseLabel, phrase)));
    return label;
  }

  function detect(text: string): Mention[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const codeMentions = findCodesOnPage(text, lookup);
    const tokens = tokenize(text);
    const { stream, tokenOf } = readStream(text, tokens, codeMentions);
    const found: Array<{ m: StreamMatch; phrase: number }> = [];
    const pending: StreamMatch[] = [];
    const written = new Set<number>();
    for (let p = 0; p < stream.length; ) {
      const m = matcher.longestAt(stream, p);
      if (!m) {
        p++;
        continue;
      }
      if (m.phrase >= 0) {
        found.push({ m, phrase: m.phrase });
        if (m.readings === 0) written.add(m.phrase);
      } else pending.push(m);
      p = m.end;
    }
    const analyzer = found.length + pending.length + codeMentions.length > 0 ? createContextAnalyzer(text) : null;
    if (analyzer && pending.length) for (const m of pending) {
      const phrase = resolveAmbiguous(m, stream, tokens, tokenOf, written, analyzer.sentences);
      if (phrase >= 0) found.push({ m, phrase });
    }
    const mentions: Mention[] = [];
    for (const { m, phrase } of found) {
      const codesOf = candidates(phrase);
      if (codesOf.length === 0) continue;
      const start = tokens[tokenOf[m.start]].start;
      const end = tokens[tokenOf[m.end - 1]].end;
      mentions.push({ start, end, text: text.slice(start, end), kind: m.abbreviation ? 'abbreviation' : 'term', concept: labelOf(phrase), codes: codesOf, context: analyzer!.classify(start, end) });
    }
    for (const c of codeMentions) mentions.push({ ...c, context: analyzer!.classify(c.start, c.end) });
    return mentions.sort((a, b) => a.start - b.start);
  }

  /** The page's words as a stream; codes on the page and punctuation break it. */
  function readStream(text: string, tokens: Token[], codeMentions: CodeMention[]): { stream: WordStream; tokenOf: Int32Array } {
    const n = tokens.length;
    const word = new Int32Array(n);
    const breakBefore = new Uint8Array(n);
    const tokenOf = new Int32Array(n);
    let len = 0;
    let pendingBreak = 1;
    let c = 0;
    for (let t = 0; t < n; t++) {
      const tok = tokens[t];
      if (t > 0 && isBreak(text, tokens[t - 1].end, tok.start)) pendingBreak = 1;
      while (c < codeMentions.length && codeMentions[c].end <= tok.start) c++;
      if (c < codeMentions.length && codeMentions[c].start < tok.end) {
        pendingBreak = 1;
        continue;
      }
      const id = wordOf(tok);
      if (id === SKIP) continue;
      word[len] = id;
      breakBefore[len] = pendingBreak;
      tokenOf[len] = t;
      pendingBreak = 0;
      len++;
    }
    const readingGroup = new Int32Array(len).fill(-1);
    const readingLength = new Uint8Array(len);
    const abbreviationAllowed = new Uint8Array(len);
    const rk = data.readings.keys;
    for (let p = 0; p < len; p++) {
      let node = word[p] >= 0 ? readingRoot[word[p]] : -1;
      for (let q = p + 1; node >= 0; q++) {
        const g = rk.nodeValue[node];
        if (g >= 0) {
          readingGroup[p] = g;
          readingLength[p] = q - p;
        }
        if (q >= len || breakBefore[q] || word[q] < 0) break;
        node = trieChild(rk, node, word[q]);
      }
      const g = readingGroup[p];
      if (g >= 0 && data.readings.groupFlags[g] & GROUP_ABBREVIATION) {
        const writtenForm = text.slice(tokens[tokenOf[p]].start, tokens[tokenOf[p + readingLength[p] - 1]].end);
        abbreviationAllowed[p] = caseAllows(writtenForm, forms[g], (data.readings.groupFlags[g] & GROUP_STRICT_CASE) !== 0) && !isSurnameFirst(text, tokens, tokenOf, p + readingLength[p], len, word) ? 1 : 0;
      }
    }
    return { stream: { length: len, word, breakBefore, readingGroup, readingLength, abbreviationAllowed }, tokenOf };
  }

  /** The phrase an ambiguous abbreviation standing alone means, by the evidence rule; -1 when unclear. */
  function resolveAmbiguous(m: StreamMatch, stream: WordStream, tokens: Token[], tokenOf: Int32Array, written: Set<number>, sentences: ReadonlyArray<{ start: number; end: number }>): number {
    const r = data.readings;
    const at = tokens[tokenOf[m.start]].start;
    const sentence = sentences[sentenceIndexAt(sentences, at)] ?? { start: 0, end: Infinity };
    const nearby = new Set<number>();
    for (let p = m.start - 1; p >= 0 && p >= m.start - CUE_WINDOW && tokens[tokenOf[p]].start >= sentence.start; p--) nearby.add(stream.word[p]);
    for (let p = m.end; p < stream.length && p < m.end + CUE_WINDOW && tokens[tokenOf[p]].start < sentence.end; p++) nearby.add(stream.word[p]);
    const supported = new Set<number>();
    for (let x = r.groupExpansionStart[m.group]; x < r.groupExpansionStart[m.group + 1]; x++) {
      const phrase = expansionPhrase(data, phraseRoot, x);
      let cue = phrase >= 0 && written.has(phrase);
      for (let k = r.expansionCueStart[x]; !cue && k < r.expansionCueStart[x + 1]; k++) cue = nearby.has(r.expansionCues[k]);
      if (cue) supported.add(phrase);
    }
    return supported.size === 1 ? [...supported][0] : -1;
  }

  return { detect };
}

/**
 * Prepares the dictionary of the packs and a detector over them in one step: what the background
 * worker does when it has no prepared data stored for the active releases.
 */
export function detectorFromPacks(packs: readonly Pack[], lexicon?: DetectorLexicon): Detector {
  return createDetector(prepareDetectorData(packs, lexicon), packs);
}

/**
 * Record headers write names surname first in capitals ("DOE, JANE"): a capitalised abbreviation
 * followed by a comma and a capitalised word the code set does not know is a surname, not a
 * finding ("DOE" is also dyspnea on exertion). A known word after the comma ("HTN, DM") keeps it.
 */
function isSurnameFirst(text: string, tokens: Token[], tokenOf: Int32Array, next: number, len: number, word: Int32Array): boolean {
  if (next >= len || word[next] !== -1) return false;
  const before = tokens[tokenOf[next - 1]];
  const after = tokens[tokenOf[next]];
  if (!/^\s*,\s*$/.test(text.slice(before.end, after.start))) return false;
  const given = text.slice(after.start, after.end);
  return given.length >= 2 && /^[A-Z][A-Z'-]*$/.test(given);
}

/** Whatever stands between two words other than spaces, one line break, a hyphen or an apostrophe ends a phrase. */
function isBreak(text: string, from: number, to: number): boolean {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (++lines > 1) return true;
    } else if (!(c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x2d || c === 0x27 || c === 0x2019)) return true;
  }
  return false;
}

