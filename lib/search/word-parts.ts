import shipped from './lexicon/word-parts.json';

/**
 * Greek/Latin word parts (lexicon/word-parts.json): "cholecystectomy" is cholecyst + ectomy, and
 * ICD-10-PCS words it "Resection of Gallbladder". Data, not code; see lexicon/README.md.
 */
export interface WordPartsFile {
  version: number;
  description?: string;
  /** Endings that name the operation or condition, with the title words for it. */
  suffixes: Array<{ suffix: string; words: string[]; standalone?: boolean; note?: string }>;
  /** Word starts that add no title word (hemi-, pan-). */
  prefixes?: Array<{ prefix: string; note?: string }>;
  /** Combining forms of body parts, with the body-part words titles use. */
  forms: Array<{ form: string; words: string[]; note?: string }>;
  /** Whole words that the parts would get wrong: fixed expansions, or none. */
  wholeWords?: Array<{ word: string; expansions: string[][]; note?: string }>;
}

export interface WordParts {
  /**
   * Title wordings of one word built from parts, most likely first. Each expansion lists the
   * suffix's word, then one word per combining form ("cholecystectomy" → [["resection",
   * "gallbladder"], ["excision", "gallbladder"], ...]); a word may be a phrase ("large intestine").
   * [] when the word is not entirely made of known parts: no partial guesses.
   */
  decompose(word: string): string[][];
}

export interface WordPartsOptions {
  /** At most this many expansions per word (default 16). */
  maxExpansions?: number;
}

/** Vowels that join two parts (gastr-o-scopy, pericardi-ectomy has none). */
const LINKING_VOWELS = new Set(['o', 'i']);
/** esophago-gastro-duodeno-scopy is the longest chain in common use. */
const MAX_FORMS = 3;
const PART = /^[a-z]+$/;

export function createWordParts(file: WordPartsFile, options: WordPartsOptions = {}): WordParts {
  const maxExpansions = options.maxExpansions ?? 16;
  const fail = (what: string): never => {
    throw new Error(`word parts: ${what}`);
  };
  const checkWords = (words: unknown, owner: string) => {
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string' && w.trim() !== '' && w === w.toLowerCase()))
      fail(`${owner} needs lower-case words`);
  };

  // Longest suffix first; file order breaks ties.
  const suffixes = file.suffixes
    .map((s, i) => {
      if (!PART.test(s.suffix)) fail(`suffix ${i} ("${s.suffix}") must be lower-case letters`);
      checkWords(s.words, `suffix "${s.suffix}"`);
      if (s.words.length === 0) fail(`suffix "${s.suffix}" has no words`);
      return s;
    })
    .sort((a, b) => b.suffix.length - a.suffix.length);

  const forms = new Map<string, string[]>();
  for (const [i, f] of file.forms.entries()) {
    if (!PART.test(f.form)) fail(`form ${i} ("${f.form}") must be lower-case letters`);
    checkWords(f.words, `form "${f.form}"`);
    if (f.words.length === 0) fail(`form "${f.form}" has no words`);
    const words = forms.get(f.form) ?? [];
    for (const w of f.words) if (!words.includes(w)) words.push(w);
    forms.set(f.form, words);
  }
  const formLengths = [...new Set([...forms.keys()].map((f) => f.length))].sort((a, b) => b - a);

  const prefixes = (file.prefixes ?? []).map((p, i) => (PART.test(p.prefix) ? p.prefix : fail(`prefix ${i} must be lower-case letters`)));
  prefixes.sort((a, b) => b.length - a.length);

  const wholeWords = new Map<string, string[][]>();
  for (const w of file.wholeWords ?? []) {
    if (!PART.test(w.word)) fail(`whole word "${w.word}" must be lower-case letters`);
    if (!Array.isArray(w.expansions)) fail(`whole word "${w.word}" needs "expansions"`);
    w.expansions.forEach((e) => checkWords(e, `whole word "${w.word}"`));
    wholeWords.set(w.word, w.expansions);
  }

  /** Forms covering text[from..] entirely, longest form first at each step, with backtracking. */
  const segment = (text: string, from: number, count: number): string[][] | undefined => {
    if (count === MAX_FORMS) return undefined;
    for (const len of formLengths) {
      const end = from + len;
      if (end > text.length) continue;
      const words = forms.get(text.slice(from, end));
      if (!words) continue;
      if (end === text.length) return [words];
      const next = segment(text, end, count + 1);
      if (next) return [words, ...next];
      if (LINKING_VOWELS.has(text[end])) {
        if (end + 1 === text.length) return [words];
        const linked = segment(text, end + 1, count + 1);
        if (linked) return [words, ...linked];
      }
    }
    return undefined;
  };

  const segmentWithPrefix = (text: string) => {
    const plain = segment(text, 0, 0);
    if (plain) return plain;
    for (const p of prefixes) {
      if (text.length > p.length && text.startsWith(p)) {
        const found = segment(text, p.length, 0);
        if (found) return found;
      }
    }
    return undefined;
  };

  return {
    decompose(word) {
      const key = word.trim().toLowerCase().replace(/-/g, '');
      if (!PART.test(key)) return [];
      const whole = wholeWords.get(key);
      if (whole) return whole.map((e) => [...e]);
      for (const s of suffixes) {
        if (!key.endsWith(s.suffix)) continue;
        const rest = key.slice(0, key.length - s.suffix.length);
        if (rest === '') {
          if (s.standalone) return s.words.slice(0, maxExpansions).map((w) => [w]);
          continue;
        }
        const parts = segmentWithPrefix(rest);
        if (parts) return combine([s.words, ...parts], maxExpansions);
      }
      return [];
    },
  };
}

/**
 * One word from each list, most likely combinations first: ordered by the sum of the words'
 * positions in their lists, then by position in the first list, so that a cap drops unlikely
 * pairings rather than whole alternatives of the first list.
 */
function combine(lists: string[][], max: number): string[][] {
  let ranked: Array<{ ranks: number[]; words: string[] }> = [{ ranks: [], words: [] }];
  for (const list of lists) ranked = ranked.flatMap((r) => list.map((w, i) => ({ ranks: [...r.ranks, i], words: [...r.words, w] })));
  const sum = (ranks: number[]) => ranks.reduce((a, b) => a + b, 0);
  ranked.sort((a, b) => sum(a.ranks) - sum(b.ranks) || compareRanks(a.ranks, b.ranks));
  return ranked.slice(0, max).map((r) => r.words);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

let cached: WordParts | undefined;

/** The shipped word parts (lexicon/word-parts.json). */
export function defaultWordParts(): WordParts {
  cached ??= createWordParts(shipped as WordPartsFile);
  return cached;
}
