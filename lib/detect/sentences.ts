/**
 * Splits clinical text into sentences (the scope limit of every context trigger), keeping
 * character offsets into the original text. One pass over the characters, no regular
 * expression over the text, so page-sized or hostile input stays linear.
 *
 * A sentence ends at:
 * - "." followed by a space or the end, unless it ends an abbreviation ("Dr.", "e.g.", "b.i.d."
 *   before a lower-case word), a list number ("1. Pneumonia") or "No." before a number; a decimal
 *   point ("2.5 mg") is never followed by a space. "." glued to a capitalised word ("pain.Denies",
 *   as text pulled from separate page elements often is) also ends one;
 * - "!" and "?" ending a word ("?PE", "? pneumonia" mean "questionable", not a question);
 * - ";" (NegEx treats clauses joined by a semicolon as separate scopes);
 * - a blank line, and a line break unless the next line starts in lower case (a wrapped line
 *   continues its sentence; a list item, heading or new sentence starts with a capital, a digit
 *   or a bullet).
 * A colon does not end a sentence ("Denies: fever, chills" keeps "Denies" in scope): a heading
 * label before a colon at the start of a sentence is reported as `label` instead, and the
 * context reader decides whether it is a section heading.
 */

export interface Sentence {
  start: number;
  /** Exclusive; trailing spaces are not part of the sentence, the final punctuation is. */
  end: number;
  /** "Family History" in "Family History: mother with…": the words before a colon that opens the sentence. */
  label?: { start: number; end: number };
}

/** Abbreviations whose period never ends a sentence. */
const NEVER_FINAL = new Set(['dr', 'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'prof', 'vs', 'approx', 'pt', 'pts', 'fig', 'temp', 'wt', 'ht', 'resp']);
const LABEL_MAX_CHARS = 60;
const LABEL_MAX_WORDS = 6;

const code = (text: string, i: number) => (i >= 0 && i < text.length ? text.charCodeAt(i) : -1);
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x0a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isLower = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isAlnum = (c: number) => isDigit(c) || isUpper(c) || isLower(c) || (c >= 0xc0 && c < 0x2000);
const isClosing = (c: number) => c === 0x29 || c === 0x5d || c === 0x22 || c === 0x27 || c === 0x2019 || c === 0x201d;

/** Splits `text` into sentences with their offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    let e = end;
    while (e > start && isSpace(code(text, e - 1))) e--;
    if (e > start) out.push(withLabel(text, start, e));
    start = -1;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (start < 0) {
      if (!isSpace(c)) start = i;
      else continue;
    }
    if (c === 0x0a) {
      if (endsAtLineBreak(text, i)) close(i);
    } else if (c === 0x3b) {
      close(i + 1);
    } else if (c === 0x21 || c === 0x3f) {
      if (isAlnum(code(text, i - 1)) || isClosing(code(text, i - 1))) {
        const end = afterClosing(text, i + 1);
        if (end >= n || isSpace(code(text, end))) {
          close(end);
          i = end - 1;
        }
      }
    } else if (c === 0x2e) {
      const end = periodEnd(text, start, i);
      if (end > 0) {
        close(end);
        i = end - 1;
      }
    }
  }
  close(n);
  return out;
}

/** Index just past closing quotes and brackets that follow sentence punctuation. */
function afterClosing(text: string, i: number): number {
  while (i < text.length && (isClosing(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2e)) i++;
  return i;
}

/** Where the sentence ends if the period at `dot` ends it, else -1. */
function periodEnd(text: string, sentenceStart: number, dot: number): number {
  const end = afterClosing(text, dot + 1);
  const next = code(text, end);
  const glued = end === dot + 1 && isUpper(next) && isLower(code(text, end + 1));
  if (!(next === -1 || isSpace(next) || glued)) return -1;
  // The word before the period, with any inner periods ("b.i.d", "e.g").
  let w = dot;
  while (w > sentenceStart && (isAlnum(code(text, w - 1)) || (code(text, w - 1) === 0x2e && isAlnum(code(text, w - 2))))) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (word === '') return end;
  if (NEVER_FINAL.has(word)) return -1;
  if (glued) return word.length > 1 && !word.includes('.') ? end : -1;
  const nextWordCode = code(text, nextNonSpace(text, end));
  if (word === 'no' && isDigit(nextWordCode)) return -1;
  if (isListNumber(text, sentenceStart, w, word)) return -1;
  // "e.g.", "b.i.d.", single initials: end the sentence only when a capitalised word follows.
  if ((word.includes('.') || (word.length === 1 && !isDigit(word.charCodeAt(0)))) && !isUpper(nextWordCode)) return -1;
  return end;
}

/** "1." or "12." first in the sentence or right after a heading's colon: a list marker. */
function isListNumber(text: string, sentenceStart: number, wordStart: number, word: string): boolean {
  if (word.length > 2 || !isDigit(word.charCodeAt(0)) || !isDigit(word.charCodeAt(word.length - 1))) return false;
  for (let j = wordStart - 1; j >= sentenceStart; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x3a) return true;
    if (!isSpace(c) && !isBullet(c)) return false;
  }
  return true;
}

function nextNonSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x0a) i++;
  return i;
}

/** A line break ends the sentence unless the next line continues it in lower case. */
function endsAtLineBreak(text: string, nl: number): boolean {
  let j = nl + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x0a) return true; // blank line
    if (!isSpace(c)) return !isLower(c);
    j++;
  }
  return true;
}

function isBullet(c: number): boolean {
  return c === 0x2d || c === 0x2a || c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x3e || c === 0x2013;
}

/** Finds a heading label ("Past Medical History:") at the start of the sentence. */
function withLabel(text: string, start: number, end: number): Sentence {
  let i = start;
  while (i < end && (isBullet(text.charCodeAt(i)) || isSpace(text.charCodeAt(i)))) i++;
  if (!isUpper(code(text, i)) && !isLower(code(text, i))) return { start, end };
  const labelStart = i;
  let words = 1;
  const limit = Math.min(end, labelStart + LABEL_MAX_CHARS);
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) {
      const after = code(text, i + 1);
      if (after !== -1 && after !== 0x2c && !isSpace(after)) return { start, end };
      let labelEnd = i;
      while (isSpace(code(text, labelEnd - 1))) labelEnd--;
      return { start, end, label: { start: labelStart, end: labelEnd } };
    }
    if (c === 0x20 && text.charCodeAt(i - 1) !== 0x20 && ++words > LABEL_MAX_WORDS) break;
    if (!(isAlnum(c) || c === 0x20 || c === 0x2f || c === 0x26 || c === 0x2d || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x2c)) break;
  }
  return { start, end };
}

/**
 * Index of the last sentence (or any span list sorted by start) that starts at or before
 * `offset`; -1 when none does. Binary search: a page has thousands of sentences.
 */
export function sentenceIndexAt(sentences: ReadonlyArray<{ start: number }>, offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
