/**
 * How a mention is shown on the page and in its card: which highlight it joins (current findings
 * look different from negated, uncertain, historical or someone else's) and the words of its card.
 */
import type { MentionContext } from './context';
import type { MentionMark } from './page-types';
import type { CandidateCode, Mention } from './types';

/** Highlight names in the page's one highlight registry, prefixed so they never meet the page's own. */
export const HIGHLIGHT_NAMES: Record<MentionMark, string> = {
  current: 'coder-lens-current',
  negated: 'coder-lens-negated',
  uncertain: 'coder-lens-uncertain',
  historical: 'coder-lens-historical',
  other: 'coder-lens-other',
};

/** The mention the panel scrolled to, shown stronger for a moment. */
export const FOCUS_HIGHLIGHT = 'coder-lens-focus';

/**
 * The one mark of a mention, strongest first: a negated finding is not there at all; someone
 * else's is not the patient's; a historical one is not current; an uncertain one may not be coded
 * as confirmed (OCG IV.H).
 */
export function markOf(context: MentionContext): MentionMark {
  if (context.negated) return 'negated';
  if (context.experiencer === 'other') return 'other';
  if (context.historical) return 'historical';
  if (context.uncertain) return 'uncertain';
  return 'current';
}

/**
 * The highlight styles are in public/content-highlights.css (a file, so the browser can add it to
 * a page with the content script, before the page is first styled). They are on `:root` only:
 * highlight styles inherit down the element tree and into open shadow roots, so one rule covers
 * the page, and rules that match only the root cost a large page far less style recalculation
 * than `::highlight()` on every element. Underlines differ by mark (solid, struck through, wavy,
 * dotted, dashed), so the marks do not rely on colour alone.
 */
export const HIGHLIGHT_CSS_FILE = '/content-highlights.css';

/** A short label of each mark for the card and the panel. */
export const MARK_LABELS: Record<MentionMark, string> = {
  current: 'Current',
  negated: 'Negated',
  uncertain: 'Uncertain',
  historical: 'History',
  other: 'Not the patient',
};

/** What a card shows for one mention: plain strings only (the card sets them as text). */
export interface MentionCard {
  heading: string;
  concept: string;
  /** Context marks with the words that made them ("Negated — “denies”"). */
  marks: string[];
  codes: Array<{ display: string; title: string; valid: boolean }>;
  note?: string;
}

/** The words of a mention's card. At most `maxCodes` codes. */
export function mentionCard(m: Mention & { readOnlyField?: boolean }, maxCodes = 3): MentionCard {
  const marks: string[] = [];
  const why = (kind: string) =>
    m.context.triggers
      .filter((t) => t.kind === kind)
      .map((t) => `“${t.text}”`)
      .slice(0, 2)
      .join(', ');
  const add = (on: boolean, label: string, kind: string) => {
    if (!on) return;
    const w = why(kind);
    marks.push(w ? `${label} — ${w}` : label);
  };
  add(m.context.negated, MARK_LABELS.negated, 'negation');
  add(m.context.experiencer === 'other', 'Family / other person', 'experiencer');
  add(m.context.historical, MARK_LABELS.historical, 'history');
  add(m.context.uncertain, MARK_LABELS.uncertain, 'uncertainty');
  const codes = m.codes.slice(0, maxCodes).map((c: CandidateCode) => ({ display: c.display, title: c.title, valid: c.valid }));
  let note: string | undefined;
  if (m.kind === 'code')
    note =
      m.codeStatus === 'header'
        ? 'A header, not a reportable code: more characters are needed.'
        : m.codeStatus === 'unknown'
          ? 'Not a code in the active release.'
          : undefined;
  if (m.readOnlyField) note = note ? `${note} Found in a read-only field.` : 'Found in a read-only field.';
  return { heading: m.text, concept: m.concept, marks, codes, ...(note ? { note } : {}) };
}
