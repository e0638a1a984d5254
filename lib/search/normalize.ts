/**
 * Text normalisation shared by the index and the query, so both sides see the same tokens:
 * lower case, accents removed, possessives dropped, short slash forms joined (s/p → sp, w/o → wo,
 * so the abbreviation lexicon can name them), light plural stemming.
 */

/** Words that carry no meaning for finding a code. "with"/"without" are kept: they do in ICD-10. */
const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'to', 'for', 'by', 'as', 'at', 'from', 'is', 'are', 'be', 'its', 'into', 'than']);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Lower-cases, removes accents and joins one-letter slash forms. */
export function normalizeText(text: string): string {
  // Most titles are plain ASCII: Unicode decomposition is only needed (and costly) for the rest.
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/\b([a-z])\/([a-z])\b/g, '$1$2')
    .replace(/\b(w)\/(?=\s|$)/g, 'with');
}

/**
 * Light stemmer: folds the plural forms ICD-10 titles and queries use for the same concept
 * (infections → infection, injuries → injury, vertebrae stays). Deliberately no suffix
 * stripping beyond plurals: "diabetic" and "diabetes" mean different things to a coder.
 */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (/(ches|shes|xes)$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !/(ss|us|is|ys|as|os)$/.test(token)) return token.slice(0, -1);
  return token;
}

/** Splits normalised text into tokens (letters and digits), stemmed, stopwords removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of normalizeText(text).matchAll(/[a-z0-9]+/g)) {
    const t = m[0];
    if (!STOPWORDS.has(t)) out.push(stem(t));
  }
  return out;
}

/**
 * Tokens of a query while it is typed: like `tokenize`, but the last token is kept unstemmed
 * when the text does not end in a space, because it may be an unfinished word (a prefix).
 */
export function tokenizeQuery(text: string): { tokens: string[]; lastIsPrefix: boolean } {
  const raw = [...normalizeText(text).matchAll(/[a-z0-9]+/g)].map((m) => m[0]);
  const lastIsPrefix = raw.length > 0 && !/[\s.,;:)\]]$/.test(text);
  const tokens: string[] = [];
  raw.forEach((t, i) => {
    const isLast = i === raw.length - 1;
    if (STOPWORDS.has(t) && !(isLast && lastIsPrefix)) return;
    tokens.push(isLast && lastIsPrefix ? t : stem(t));
  });
  return { tokens, lastIsPrefix: lastIsPrefix && tokens.length > 0 && tokens[tokens.length - 1] === raw[raw.length - 1] };
}
