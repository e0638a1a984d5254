/** User Timing names (visible in DevTools' Performance panel; read by the end-to-end test). */
export const KEYSTROKE_MEASURE = 'cl-search:keystroke-to-render';
export const FIRST_RESULTS_MARK = 'cl-search:first-results';
/** Enough for a long session of typing; older entries are dropped so the buffer stays small. */
const MAX_ENTRIES = 2000;

let firstMarked = false;

/**
 * Records, right after the DOM shows the results of a query, the time since the keystroke that
 * asked for them (`inputAt`, the input event's time stamp). The first results shown since the
 * panel opened are also marked: their time since navigation start is what opening costs.
 */
export function recordResultsRendered(perf: Performance, query: string, inputAt: number | undefined, resultCount: number, searchMs?: number): void {
  if (!firstMarked && resultCount > 0) {
    firstMarked = true;
    perf.mark(FIRST_RESULTS_MARK, { detail: { query } });
  }
  // Clearing the box is not a search: only keystrokes that asked for results are measured.
  if (inputAt === undefined || !query.trim()) return;
  if (perf.getEntriesByName(KEYSTROKE_MEASURE).length >= MAX_ENTRIES) perf.clearMeasures(KEYSTROKE_MEASURE);
  perf.measure(KEYSTROKE_MEASURE, { start: inputAt, end: perf.now(), detail: { query, resultCount, searchMs } });
}
