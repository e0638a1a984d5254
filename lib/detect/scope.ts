/**
 * Trigger scope inside one sentence, computed once per sentence so that classifying any number
 * of mentions in it costs O(1) each: trigger phrases are found left to right (longest first,
 * so a pseudo-trigger such as "no change" hides the "no" inside it), then one sweep in each
 * direction records, for every token, the nearest trigger of each category whose scope reaches
 * it — a scope ends at a terminator of that category ("but", "however", "which"…) or at the end
 * of the sentence, and a trigger reaches only as many words as its window.
 */
import { CONTEXT_CATEGORIES, type ContextCategory, type ContextRules, type PhraseRole } from './context-rules';
import { tokenize, type Token } from './tokens';

export interface PhraseHit {
  startTok: number;
  /** Exclusive. */
  endTok: number;
  start: number;
  end: number;
  roles: readonly PhraseRole[];
}

export interface SentenceScopes {
  tokens: Token[];
  hits: PhraseHit[];
  /** Counted words before each token (window skips not counted), length tokens + 1. */
  words: Int32Array;
  /** Per category c and token t, at c * (tokens + 1) + t: the nearest pre-trigger hit ending at or before t, or -1. */
  pre: Int32Array;
  /** Same for the nearest post-trigger hit starting at or after t. */
  post: Int32Array;
  /** Per category: the token after the first terminator of that category (tokens + 1 when none). */
  firstTerminatorEnd: Int32Array;
}

export interface ScopedTrigger {
  category: ContextCategory;
  hit: PhraseHit;
  /** Counted words between the trigger and the mention. */
  distance: number;
}

const CATEGORY_COUNT = CONTEXT_CATEGORIES.length;
const CATEGORY_INDEX = Object.fromEntries(CONTEXT_CATEGORIES.map((c, i) => [c, i])) as Record<ContextCategory, number>;

/** Finds the phrases of text[from, to) and the scope of every trigger. */
export function analyzeScopes(text: string, from: number, to: number, rules: ContextRules): SentenceScopes {
  const tokens = tokenize(text, from, to);
  const n = tokens.length;
  const hits: PhraseHit[] = [];
  for (let i = 0; i < n; ) {
    const match = rules.phrases.longestAt(tokens, i);
    if (!match) {
      i++;
      continue;
    }
    const endTok = i + match.length;
    hits.push({ startTok: i, endTok, start: tokens[i].start, end: tokens[endTok - 1].end, roles: match.values });
    i = endTok;
  }
  const words = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) words[t + 1] = words[t] + (rules.windowSkips.has(tokens[t].norm) ? 0 : 1);

  const stride = n + 1;
  const pre = new Int32Array(CATEGORY_COUNT * stride);
  const post = new Int32Array(CATEGORY_COUNT * stride);
  const state = new Int32Array(CATEGORY_COUNT);
  const apply = (h: number, direction: 'pre' | 'post') => {
    const roles = hits[h].roles;
    for (const role of roles) if (role.kind === 'terminator') for (const c of role.categories) state[CATEGORY_INDEX[c]] = -1;
    for (const role of roles) if (role.kind === 'trigger' && role.direction === direction) state[CATEGORY_INDEX[role.category]] = h;
  };

  state.fill(-1);
  for (let t = 0, h = 0; t <= n; t++) {
    for (; h < hits.length && hits[h].endTok <= t; h++) apply(h, 'pre');
    for (let c = 0; c < CATEGORY_COUNT; c++) pre[c * stride + t] = state[c];
  }
  state.fill(-1);
  for (let t = n, h = hits.length - 1; t >= 0; t--) {
    for (; h >= 0 && hits[h].startTok >= t; h--) apply(h, 'post');
    for (let c = 0; c < CATEGORY_COUNT; c++) post[c * stride + t] = state[c];
  }
  const firstTerminatorEnd = new Int32Array(CATEGORY_COUNT).fill(n + 1);
  for (let h = hits.length - 1; h >= 0; h--)
    for (const role of hits[h].roles) if (role.kind === 'terminator') for (const c of role.categories) firstTerminatorEnd[CATEGORY_INDEX[c]] = hits[h].endTok;
  return { tokens, hits, words, pre, post, firstTerminatorEnd };
}

/** Index of the first token that ends after `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first token that starts at or after `offset`. */
export function tokenAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function windowOf(hit: PhraseHit, category: ContextCategory, direction: 'pre' | 'post'): number {
  for (const role of hit.roles) if (role.kind === 'trigger' && role.category === category && role.direction === direction) return role.window;
  return -1;
}

/** Triggers whose scope reaches the mention occupying tokens [first, afterLast). */
export function triggersAround(s: SentenceScopes, first: number, afterLast: number): ScopedTrigger[] {
  const out: ScopedTrigger[] = [];
  const stride = s.tokens.length + 1;
  for (let c = 0; c < CATEGORY_COUNT; c++) {
    const category = CONTEXT_CATEGORIES[c];
    const before = s.pre[c * stride + first];
    if (before >= 0) {
      const hit = s.hits[before];
      const distance = s.words[first] - s.words[hit.endTok];
      if (distance <= windowOf(hit, category, 'pre')) out.push({ category, hit, distance });
    }
    const after = s.post[c * stride + afterLast];
    if (after >= 0) {
      const hit = s.hits[after];
      const distance = s.words[hit.startTok] - s.words[afterLast];
      if (distance <= windowOf(hit, category, 'post')) out.push({ category, hit, distance });
    }
  }
  return out;
}

/** Whether a terminator of the category ends before token t ("Positive for fatigue" under "Negative for:"). */
export function isTerminatedBefore(s: SentenceScopes, category: ContextCategory, t: number): boolean {
  return s.firstTerminatorEnd[CATEGORY_INDEX[category]] <= t;
}

/** Pre-triggers still in scope at the end of the sentence ("Patient denies the following:"). */
export function triggersOpenAtEnd(s: SentenceScopes): ScopedTrigger[] {
  // No hit starts after the last token, so only pre-triggers can be found there.
  return triggersAround(s, s.tokens.length, s.tokens.length);
}
