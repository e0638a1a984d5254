/**
 * Word tokens of clinical text with their character offsets, read in one pass over the
 * characters (no regular expression, so hostile page text cannot make it backtrack).
 *
 * A token is a run of letters and digits, plus what clinical writing glues into one word:
 * an apostrophe inside a word ("doesn't", "mother's"), a decimal point between digits ("2.5"),
 * and the short slash forms of notes ("r/o", "h/o", "s/p", "w/o", "c/o", "a/p"). Longer slash
 * pairs ("medical/surgical") and hyphenated words ("gram-negative") are separate tokens.
 */

export interface Token {
  start: number;
  end: number;
  /** Lower case, typographic apostrophe folded to "'". */
  norm: string;
  /** Digits only (a decimal point allowed). */
  isNumber: boolean;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const SLASH = 0x2f;
const DOT = 0x2e;

/** Letters and digits of any script; general punctuation, spaces and symbols are not. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, arrows, maths, box drawing, shapes
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates (emoji and other astral symbols)
  if (c >= 0xfe00 && c <= 0xfe0f) return false; // variation selectors
  if (c === 0xfeff) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false; // full-width punctuation
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return isWordCode(c) && !isDigit(c);
}

/** Length of the run of letters starting at `i` (stops at `limit` + 1 to stay cheap). */
function letterRun(text: string, i: number, end: number, limit: number): number {
  let n = 0;
  while (i + n < end && n <= limit && isLetter(text.charCodeAt(i + n))) n++;
  return n;
}

/** Tokens of text[from, to). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let allDigits = true;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isWordCode(c)) {
        if (!isDigit(c)) allDigits = false;
        i++;
        continue;
      }
      const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      if ((c === APOSTROPHE || c === RIGHT_QUOTE) && isLetter(next) && isLetter(text.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      if (c === DOT && allDigits && isDigit(next)) {
        i++;
        continue;
      }
      if (c === SLASH && isShortSlashForm(text, start, i, to)) {
        i += 1 + letterRun(text, i + 1, to, 2);
        allDigits = false;
      }
      break;
    }
    let norm = text.slice(start, i).toLowerCase();
    if (norm.includes('\u2019')) norm = norm.replace(/\u2019/g, "'");
    tokens.push({ start, end: i, norm, isNumber: allDigits });
  }
  return tokens;
}

/** "r/o", "s/p", "a/p": one or two letters, a slash, one or two letters, then no more word. */
function isShortSlashForm(text: string, start: number, slash: number, to: number): boolean {
  const before = slash - start;
  if (before > 2 || letterRun(text, start, slash, 2) !== before) return false;
  const after = letterRun(text, slash + 1, to, 2);
  if (after === 0 || after > 2) return false;
  const following = slash + 1 + after < to ? text.charCodeAt(slash + 1 + after) : -1;
  return !isWordCode(following) && following !== SLASH;
}

/** A four-digit year of the 20th or 21st century ("in 2009"). */
export function isYearToken(token: Token): boolean {
  return token.isNumber && token.norm.length === 4 && (token.norm.startsWith('19') || token.norm.startsWith('20'));
}
