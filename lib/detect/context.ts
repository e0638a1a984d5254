/**
 * Context of a mention in the NegEx/ConText tradition (Chapman et al. 2001; Harkema et al.
 * 2009): is it negated ("denies chest pain"), uncertain or hypothetical ("rule out PE", "return
 * if fever develops"), historical ("history of MI", "s/p CABG"), or about someone other than the
 * patient ("family history of colon cancer")? A coder must not code such a mention as a current
 * diagnosis: OCG Section IV.H codes symptoms instead of uncertain outpatient diagnoses, history
 * goes to Z codes (Z86–Z87), family history to Z80–Z84.
 *
 * The text is split into sentences once; each sentence's triggers and scopes are computed the
 * first time a mention in it is classified and reused for every other mention in it.
 */
import { defaultContextRules, type ContextCategory, type ContextRules } from './context-rules';
import { analyzeScopes, isTerminatedBefore, tokenAfter, tokenAt, triggersAround, triggersOpenAtEnd, type ScopedTrigger, type SentenceScopes } from './scope';
import { assignSections, type SectionState } from './sections';
import { sentenceIndexAt, splitSentences, type Sentence } from './sentences';

export type ContextTriggerKind = 'negation' | 'uncertainty' | 'history' | 'experiencer';

export interface ContextTrigger {
  kind: ContextTriggerKind;
  /** The trigger as written on the page, or the section heading. */
  text: string;
  start: number;
  end: number;
  /** A phrase in the sentence, a section heading above it, or the lead-in of a list ("Denies:"). */
  source: 'phrase' | 'heading' | 'list';
}

export interface MentionContext {
  negated: boolean;
  uncertain: boolean;
  historical: boolean;
  experiencer: 'patient' | 'other';
  /** Why: every trigger that applies, so the UI can show it. */
  triggers: ContextTrigger[];
}

export interface ContextAnalyzer {
  readonly sentences: readonly Sentence[];
  /** Context of the mention text[start, end); the plain context when it lies outside every sentence. */
  classify(start: number, end: number): MentionContext;
}

const KIND: Record<ContextCategory, ContextTriggerKind> = { negated: 'negation', uncertain: 'uncertainty', historical: 'history', other: 'experiencer' };
/** How many list items after a lead-in ("Patient denies:") it reaches. */
const LIST_MAX_ITEMS = 20;
/** A list item without a bullet is a short line. */
const LIST_ITEM_MAX_WORDS = 8;

/** Prepares a text for classifying any number of mentions in it. */
export function createContextAnalyzer(text: string, rules: ContextRules = defaultContextRules()): ContextAnalyzer {
  const sentences = splitSentences(text);
  const { sections, headings } = assignSections(text, sentences, rules);
  const cache = new Map<number, SentenceScopes>();
  const leadIns = new Map<number, number>();
  const scopesOf = (k: number): SentenceScopes => {
    let s = cache.get(k);
    if (!s) {
      const heading = headings[k];
      s = analyzeScopes(text, heading ? heading.bodyStart : sentences[k].start, sentences[k].end, rules);
      cache.set(k, s);
    }
    return s;
  };

  function classify(start: number, end: number): MentionContext {
    const k = sentenceIndexAt(sentences, start);
    // Outside every sentence (blank space, or past the end of the text): nothing to say.
    if (k < 0 || start >= sentences[k].end) return { negated: false, uncertain: false, historical: false, experiencer: 'patient', triggers: [] };
    const scopes = scopesOf(k);
    const first = tokenAt(scopes.tokens, start);
    const afterLast = Math.max(first, tokenAfter(scopes.tokens, end));
    const found: ContextTrigger[] = triggersAround(scopes, first, afterLast).map((t) => phraseTrigger(text, t, 'phrase'));
    let lead = leadIns.get(k);
    if (lead === undefined) leadIns.set(k, (lead = leadInOf(k)));
    if (lead >= 0)
      for (const t of triggersOpenAtEnd(scopesOf(lead)))
        if (scopes.words[first] <= preWindow(t) && !isTerminatedBefore(scopes, t.category, first) && !found.some((f) => f.kind === KIND[t.category]))
          found.push(phraseTrigger(text, t, 'list'));
    const section = sectionTrigger(text, sections[k]);
    if (section) found.push(section);
    const has = (kind: ContextTriggerKind) => found.some((f) => f.kind === kind);
    return {
      negated: has('negation'),
      uncertain: has('uncertainty'),
      historical: has('history'),
      experiencer: has('experiencer') ? 'other' : 'patient',
      triggers: found.sort((a, b) => a.start - b.start),
    };
  }

  /**
   * The sentence ending in ":" that sentence k is a list item of, or -1. Items follow it one per
   * line, without a blank line or a heading between, and either all start with a bullet or number
   * or all are short lines.
   */
  function leadInOf(k: number): number {
    const bulleted = startsWithBullet(text, sentences[k]);
    for (let j = k - 1; j >= 0 && j >= k - LIST_MAX_ITEMS; j--) {
      const item = j + 1;
      if (!isSingleLineBreak(text, sentences[j].end, sentences[item].start) || headings[item]) return -1;
      if (startsWithBullet(text, sentences[item]) !== bulleted) return -1;
      if (!bulleted && scopesOf(item).words[scopesOf(item).tokens.length] > LIST_ITEM_MAX_WORDS) return -1;
      if (text.charCodeAt(sentences[j].end - 1) === 0x3a) return j;
    }
    return -1;
  }

  return { sentences, classify };
}

/** Context of one mention; to classify several mentions of a text, create one analyzer. */
export function classifyMention(text: string, start: number, end: number, rules?: ContextRules): MentionContext {
  return createContextAnalyzer(text, rules).classify(start, end);
}

/** A lead-in's trigger reaches each list item as far as its window ("Denies:\n- chest pain"). */
function preWindow(t: ScopedTrigger): number {
  for (const role of t.hit.roles) if (role.kind === 'trigger' && role.category === t.category && role.direction === 'pre') return role.window;
  return 0;
}

function phraseTrigger(text: string, t: ScopedTrigger, source: ContextTrigger['source']): ContextTrigger {
  return { kind: KIND[t.category], text: text.slice(t.hit.start, t.hit.end), start: t.hit.start, end: t.hit.end, source };
}

function sectionTrigger(text: string, section: SectionState): ContextTrigger | null {
  if (!section.heading || section.effect === 'none') return null;
  const { start, end } = section.heading;
  return { kind: section.effect === 'other' ? 'experiencer' : 'history', text: text.slice(start, end), start, end, source: 'heading' };
}

function isSingleLineBreak(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a) breaks++;
  return breaks === 1;
}

function startsWithBullet(text: string, sentence: Sentence): boolean {
  const c = text.charCodeAt(sentence.start);
  if (c === 0x2d || c === 0x2a || c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x2013) return true;
  // "1." / "1)" / "a)" list markers.
  let i = sentence.start;
  while (i < sentence.end && i < sentence.start + 3 && isAsciiAlnum(text.charCodeAt(i))) i++;
  return i > sentence.start && (text[i] === '.' || text[i] === ')');
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
