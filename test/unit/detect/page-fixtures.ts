import type { MentionContext } from '../../../lib/detect/context';
import type { FrameMention } from '../../../lib/detect/page-types';
import type { Mention } from '../../../lib/detect/types';

export const plainContext = (more: Partial<MentionContext> = {}): MentionContext => ({
  negated: false,
  uncertain: false,
  historical: false,
  experiencer: 'patient',
  triggers: [],
  ...more,
});

/** A detector mention of "HTN" as essential hypertension. */
export function sampleMention(more: Partial<Mention> = {}): Mention {
  return {
    start: 10,
    end: 13,
    text: 'HTN',
    kind: 'abbreviation',
    concept: 'essential hypertension',
    codes: [{ system: 'icd10cm', code: 'I10', display: 'I10', title: 'Essential (primary) hypertension', valid: true }],
    context: plainContext(),
    ...more,
  };
}

export function sampleFrameMention(id: string, more: Partial<FrameMention> = {}): FrameMention {
  return { ...sampleMention(), id, readOnlyField: false, snippet: 'History: HTN, COPD.', ...more };
}
