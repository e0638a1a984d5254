import { markOf } from '../detect/page-marks';
import type { MentionMark, PageMention } from '../detect/page-types';

/** One line of "Found on this page": a concept with the same mark, however often it occurs. */
export interface FoundConcept {
  /** Stable key: concept and mark. */
  key: string;
  /** The words as first written on the page. */
  text: string;
  concept: string;
  mark: MentionMark;
  kind: PageMention['kind'];
  /** Codes suggested for it (from its first mention). */
  codes: PageMention['codes'];
  codeStatus?: PageMention['codeStatus'];
  /** Every mention of it, in page order (the first is scrolled to). */
  mentionIds: string[];
  /** Some of its mentions sit in read-only form fields (listed, not highlighted). */
  inReadOnlyField: boolean;
  /** Words that gave the mark, e.g. "denies" (first mention). */
  because: string[];
}

/** Order of the groups: what may be coded first, then what must not be coded as current. */
export const MARK_ORDER: MentionMark[] = ['current', 'uncertain', 'historical', 'other', 'negated'];

/**
 * Groups a page's mentions for the panel: one line per concept and mark, the groups in
 * MARK_ORDER, lines in order of first appearance. A concept found both current and negated gets
 * two lines — a coder needs both facts.
 */
export function foundConcepts(mentions: readonly PageMention[]): FoundConcept[] {
  const byKey = new Map<string, FoundConcept>();
  for (const m of mentions) {
    const mark = markOf(m.context);
    const key = `${mark}\u0001${m.kind === 'code' ? m.text.toUpperCase() : m.concept.toLowerCase()}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.mentionIds.push(m.id);
      seen.inReadOnlyField ||= m.readOnlyField;
      continue;
    }
    byKey.set(key, {
      key,
      text: m.text,
      concept: m.concept,
      mark,
      kind: m.kind,
      codes: m.codes,
      ...(m.codeStatus ? { codeStatus: m.codeStatus } : {}),
      mentionIds: [m.id],
      inReadOnlyField: m.readOnlyField,
      because: m.context.triggers.map((t) => t.text),
    });
  }
  const lines = [...byKey.values()];
  return MARK_ORDER.flatMap((mark) => lines.filter((l) => l.mark === mark));
}
