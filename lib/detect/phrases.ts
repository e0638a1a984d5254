/**
 * Trigger phrases: a small pattern syntax for writing them compactly in the rules file, and a
 * token trie that finds the longest phrase starting at a token in time bounded by the longest
 * phrase (never by the length of the text).
 *
 * Pattern syntax: words separated by spaces; "(a|b c)" one of the alternatives; "[a]" optional;
 * "@name" a macro of the rules file (itself a list of alternatives), "[@name]" an optional one;
 * "<num>" any number and "<year>" a year from 1900 to 2099. Groups do not nest. Words are read by
 * the text's tokenizer, so "&" and other punctuation in a pattern are not words.
 */
import { isYearToken, tokenize, type Token } from './tokens';

const MAX_EXPANSIONS = 5000;
export const NUMBER_SLOT = '<num>';
export const YEAR_SLOT = '<year>';

/** Every phrase a pattern stands for, spaces collapsed. Throws on malformed patterns. */
export function expandPattern(pattern: string, macros: Readonly<Record<string, string>> = {}): string[] {
  const macro = (name: string) => {
    if (!(name in macros)) throw new Error(`unknown macro @${name} in "${pattern}"`);
    return macros[name];
  };
  // "[@m]" is an optional macro, "@m" a required one.
  const withMacros = pattern.replace(/\[@([A-Za-z_]+)\]/g, (_, name: string) => `[${macro(name)}]`).replace(/@([A-Za-z_]+)/g, (_, name: string) => `(${macro(name)})`);
  let results = [''];
  let i = 0;
  const s = withMacros;
  while (i < s.length) {
    const c = s[i];
    if (c === '(' || c === '[') {
      const closer = c === '(' ? ')' : ']';
      const j = s.indexOf(closer, i + 1);
      const inner = j < 0 ? '' : s.slice(i + 1, j);
      if (j < 0 || /[()[\]]/.test(inner)) throw new Error(`unbalanced or nested group in "${pattern}"`);
      const options = inner.split('|');
      if (c === '[') options.push('');
      results = results.flatMap((r) => options.map((o) => `${r} ${o} `));
      if (results.length > MAX_EXPANSIONS) throw new Error(`"${pattern}" expands to more than ${MAX_EXPANSIONS} phrases`);
      i = j + 1;
    } else if (c === ')' || c === ']' || c === '|') {
      throw new Error(`unexpected "${c}" in "${pattern}"`);
    } else {
      let j = i + 1;
      while (j < s.length && !'()[]|'.includes(s[j])) j++;
      const literal = s.slice(i, j);
      results = results.map((r) => r + literal);
      i = j;
    }
  }
  return [...new Set(results.map((r) => r.replace(/\s+/g, ' ').trim()).filter((r) => r !== ''))];
}

/** The token keys of a phrase, read by the same tokenizer as the text. */
export function phraseKeys(phrase: string): string[] {
  return phrase.split(' ').flatMap(partKeys);
}

const partCache = new Map<string, string[]>();

function partKeys(part: string): string[] {
  let keys = partCache.get(part);
  if (!keys) {
    keys = part === NUMBER_SLOT || part === YEAR_SLOT ? [part] : tokenize(part).map((t) => t.norm);
    partCache.set(part, keys);
  }
  return keys;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[] | null;
}

export interface PhraseMatch<T> {
  /** Number of tokens matched. */
  length: number;
  values: readonly T[];
}

export interface PhraseTrie<T> {
  add(keys: readonly string[], value: T): void;
  /** The longest phrase starting at tokens[i], or null. */
  longestAt(tokens: readonly Token[], i: number, end?: number): PhraseMatch<T> | null;
  /** The values of a phrase that is exactly these keys, or null. */
  exact(keys: readonly string[]): readonly T[] | null;
}

/** An empty trie keyed by token keys (a word, or a "<num>"/"<year>" slot). */
export function createPhraseTrie<T>(): PhraseTrie<T> {
  const root: TrieNode<T> = { next: new Map(), values: null };
  const newNode = (): TrieNode<T> => ({ next: new Map(), values: null });

  /** Depth-first: a number token may follow both its literal branch and a slot branch. */
  function longestFrom(node: TrieNode<T>, tokens: readonly Token[], i: number, end: number, depth: number): PhraseMatch<T> | null {
    let best: PhraseMatch<T> | null = node.values && depth > 0 ? { length: depth, values: node.values } : null;
    if (i >= end || node.next.size === 0) return best;
    const token = tokens[i];
    const consider = (child: TrieNode<T> | undefined) => {
      if (!child) return;
      const found = longestFrom(child, tokens, i + 1, end, depth + 1);
      if (found && (!best || found.length > best.length)) best = found;
    };
    consider(node.next.get(token.norm));
    if (token.isNumber) {
      consider(node.next.get(NUMBER_SLOT));
      if (isYearToken(token)) consider(node.next.get(YEAR_SLOT));
    }
    return best;
  }

  return {
    add(keys, value) {
      if (keys.length === 0) throw new Error('empty phrase');
      let node = root;
      for (const key of keys) {
        let child = node.next.get(key);
        if (!child) node.next.set(key, (child = newNode()));
        node = child;
      }
      (node.values ??= []).push(value);
    },
    longestAt(tokens, i, end = tokens.length) {
      return longestFrom(root, tokens, i, end, 0);
    },
    exact(keys) {
      let node: TrieNode<T> | undefined = root;
      for (const key of keys) {
        node = node.next.get(key);
        if (!node) return null;
      }
      return node.values;
    },
  };
}
