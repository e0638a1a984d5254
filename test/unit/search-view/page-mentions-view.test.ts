import { describe, expect, it } from 'vitest';
import type { MentionContext } from '../../../lib/detect/context';
import type { PageMention } from '../../../lib/detect/page-types';
import { foundConcepts } from '../../../lib/search-view/page-mentions-view';

const plain: MentionContext = { negated: false, uncertain: false, historical: false, experiencer: 'patient', triggers: [] };
let n = 0;
function mention(text: string, concept: string, context: Partial<MentionContext> = {}, extra: Partial<PageMention> = {}): PageMention {
  n++;
  return {
    id: `0:${n}`,
    frameId: 0,
    frameUrl: 'http://127.0.0.1/note',
    start: n * 10,
    end: n * 10 + text.length,
    text,
    kind: 'term',
    concept,
    codes: [{ system: 'icd10cm', code: 'I10', display: 'I10', title: 'Essential (primary) hypertension', valid: true }],
    context: { ...plain, ...context },
    readOnlyField: false,
    snippet: text,
    ...extra,
  };
}

describe('foundConcepts', () => {
  it('one line per concept and mark, current findings first and negated ones last, in page order within a group', () => {
    const lines = foundConcepts([
      mention('chest pain', 'chest pain', { negated: true, triggers: [{ kind: 'negation', text: 'denies', start: 0, end: 6, source: 'phrase' }] }),
      mention('HTN', 'essential hypertension'),
      mention('hypertension', 'Essential hypertension', {}, { readOnlyField: true }),
      mention('MI', 'myocardial infarction', { historical: true }),
      mention('colon cancer', 'malignant neoplasm of colon', { experiencer: 'other' }),
    ]);
    expect(lines.map((l) => [l.text, l.mark, l.mentionIds.length])).toEqual([
      ['HTN', 'current', 2],
      ['MI', 'historical', 1],
      ['colon cancer', 'other', 1],
      ['chest pain', 'negated', 1],
    ]);
    expect(lines[0].inReadOnlyField).toBe(true);
    expect(lines[3].because).toEqual(['denies']);
  });

  it('keeps a concept found both present and negated as two lines', () => {
    const lines = foundConcepts([mention('fever', 'fever'), mention('fever', 'fever', { negated: true })]);
    expect(lines.map((l) => l.mark)).toEqual(['current', 'negated']);
  });

  it('codes written on the page are grouped by the code itself', () => {
    const code = (t: string) => mention(t, 'Type 2 diabetes mellitus with diabetic chronic kidney disease', {}, { kind: 'code', codeStatus: 'valid' });
    const lines = foundConcepts([code('E11.22'), code('e11.22'), code('E11.9')]);
    expect(lines.map((l) => [l.text, l.mentionIds.length, l.codeStatus])).toEqual([
      ['E11.22', 2, 'valid'],
      ['E11.9', 1, 'valid'],
    ]);
  });
});
