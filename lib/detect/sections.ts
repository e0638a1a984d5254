/**
 * Section headings: "Family History:", "PAST MEDICAL HISTORY", "Assessment/Plan:" change the
 * meaning of everything under them until the next heading (Harkema et al. 2009 found section
 * context one of the strongest cues for history and experiencer).
 *
 * A heading is a sentence's label (the words before a colon that opens it) or a short sentence
 * that is nothing but a heading ("FAMILY HISTORY" on its own line), whose words are exactly a
 * wording of the rules file. An unknown label ("Cardiac:", "Mother:", "BP:") does not change the
 * section: in record templates such labels are sub-items of the section they sit in. An
 * unknown label ending in "history" ("Occupational History:") starts a neutral section.
 */
import type { ContextRules, SectionEffect } from './context-rules';
import type { Sentence } from './sentences';
import { tokenize } from './tokens';

const WHOLE_SENTENCE_HEADING_MAX_CHARS = 60;

export interface SectionHeading {
  effect: SectionEffect;
  start: number;
  end: number;
  /** Where the sentence's own text starts (after the heading and its colon). */
  bodyStart: number;
}

/** The heading a sentence opens with, or null. */
export function findHeading(text: string, sentence: Sentence, rules: ContextRules): SectionHeading | null {
  if (sentence.label) {
    const { start, end } = sentence.label;
    const effect = headingEffect(text, start, end, rules, true);
    if (!effect) return null;
    let colon = end;
    while (colon < sentence.end && text.charCodeAt(colon) !== 0x3a) colon++;
    return { effect, start, end, bodyStart: Math.min(colon + 1, sentence.end) };
  }
  if (sentence.end - sentence.start > WHOLE_SENTENCE_HEADING_MAX_CHARS) return null;
  const effect = headingEffect(text, sentence.start, sentence.end, rules, false);
  return effect ? { effect, start: sentence.start, end: sentence.end, bodyStart: sentence.end } : null;
}

function headingEffect(text: string, start: number, end: number, rules: ContextRules, isLabel: boolean): SectionEffect | null {
  const keys = tokenize(text, start, end).map((t) => t.norm);
  if (keys.length === 0) return null;
  const known = rules.sections.exact(keys);
  if (known) return known[0];
  const last = keys[keys.length - 1];
  return isLabel && (last === 'history' || last === 'hx') ? 'none' : null;
}

export interface SectionState {
  effect: SectionEffect;
  heading: { start: number; end: number } | null;
}

/** The section each sentence sits in, and the heading each sentence opens with. */
export function assignSections(text: string, sentences: readonly Sentence[], rules: ContextRules): { sections: SectionState[]; headings: (SectionHeading | null)[] } {
  let current: SectionState = { effect: 'none', heading: null };
  const sections: SectionState[] = [];
  const headings: (SectionHeading | null)[] = [];
  for (const sentence of sentences) {
    const heading = findHeading(text, sentence, rules);
    if (heading) current = { effect: heading.effect, heading: { start: heading.start, end: heading.end } };
    sections.push(current);
    headings.push(heading);
  }
  return { sections, headings };
}
