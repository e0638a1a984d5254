import { describe, expect, it } from 'vitest';
import { FIRST_RESULTS_MARK, KEYSTROKE_MEASURE, recordResultsRendered } from '../../../lib/search-view/latency';

describe('recordResultsRendered', () => {
  it('measures keystroke to render for typed queries, and marks the first results once', () => {
    performance.clearMarks();
    performance.clearMeasures();
    const t0 = performance.now();
    recordResultsRendered(performance, 'ht', undefined, 0); // filter change: no keystroke to measure
    recordResultsRendered(performance, '', t0, 0); // the box emptied: not a search
    recordResultsRendered(performance, 'htn', t0, 12, 1.5);
    recordResultsRendered(performance, 'htn ', t0, 12, 1.2);
    const measures = performance.getEntriesByName(KEYSTROKE_MEASURE) as PerformanceMeasure[];
    expect(measures.map((m) => m.detail)).toEqual([
      { query: 'htn', resultCount: 12, searchMs: 1.5 },
      { query: 'htn ', resultCount: 12, searchMs: 1.2 },
    ]);
    expect(measures.every((m) => m.startTime === t0 && m.duration >= 0)).toBe(true);
    const marks = performance.getEntriesByName(FIRST_RESULTS_MARK) as PerformanceMark[];
    expect(marks.map((m) => m.detail)).toEqual([{ query: 'htn' }]);
  });
});
