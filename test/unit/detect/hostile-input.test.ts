import { describe, expect, it } from 'vitest';
import { createContextAnalyzer } from '../../../lib/detect/context';
import { splitSentences } from '../../../lib/detect/sentences';
import { spanOf } from './mention';

// Page text belongs to someone else and can be anything. The reader works in one pass over the
// characters and per-sentence sweeps, with no regular expression over the text, so these inputs
// must finish in about the time of ordinary text. The bound below only catches runaway (quadratic
// or backtracking) behaviour; speed figures belong to the benchmark, not to tests.
const RUNAWAY_MS = 5000;

function timed<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  expect(performance.now() - started).toBeLessThan(RUNAWAY_MS);
  return result;
}

/** Splits, then classifies every 50th word-start as a mention. */
function classifyThroughout(text: string): number {
  const analyzer = createContextAnalyzer(text);
  let classified = 0;
  for (let i = 0; i < text.length; i += 50) {
    const c = analyzer.classify(i, Math.min(text.length, i + 8));
    expect(typeof c.negated).toBe('boolean');
    classified++;
  }
  return classified;
}

describe('hostile and page-sized input', () => {
  it.each([
    ['one 400,000-character word', 'a'.repeat(400_000)],
    ['400,000 characters of "no " without punctuation', 'no '.repeat(133_334)],
    ['a negation trigger repeated in one endless sentence', 'denies no not without '.repeat(20_000)],
    ['dots and spaces only', '. '.repeat(200_000)],
    ['abbreviations and decimals back to back', 'Dr. 2.5 b.i.d. e.g. '.repeat(20_000)],
    ['colons everywhere', 'History: '.repeat(40_000)],
    ['line breaks only', '\n'.repeat(300_000)],
    ['list items under one lead-in', `Denies:\n${'- fever\n'.repeat(40_000)}`],
    ['slashes and apostrophes', "r/o h/o a/b/c/d/e/f doesn't ''' //// ".repeat(10_000)],
  ])('%s', (_, text) => {
    expect(timed(() => classifyThroughout(text))).toBeGreaterThan(0);
  });

  it('markup in the text is only text: nothing is interpreted, offsets stay those of the string', () => {
    const text = '<div onclick="alert(1)">No <b>chest pain</b>.</div>\n<p>Cough.</p><img src=x onerror=alert(1)>';
    const analyzer = createContextAnalyzer(text);
    const pain = analyzer.classify(...spanOf(text, 'chest pain'));
    expect(pain.negated).toBe(true);
    expect(text.slice(pain.triggers[0].start, pain.triggers[0].end)).toBe('No');
    expect(analyzer.classify(...spanOf(text, 'Cough')).negated).toBe(false);
  });

  it('a scope never runs past its window, even in a sentence with no end', () => {
    const text = `No ${'word '.repeat(100_000)}fever`;
    const [start, end] = spanOf(text, 'fever');
    expect(timed(() => createContextAnalyzer(text).classify(start, end)).negated).toBe(false);
  });

  it('a 200,000-character note of ordinary sentences splits with offsets intact', () => {
    const unit = 'Patient denies chest pain. History of CAD s/p CABG in 2010. Mother with diabetes.\n';
    const text = unit.repeat(Math.ceil(200_000 / unit.length));
    const sentences = timed(() => splitSentences(text));
    expect(sentences).toHaveLength(3 * Math.ceil(200_000 / unit.length));
    const last = sentences[sentences.length - 1];
    expect(text.slice(last.start, last.end)).toBe('Mother with diabetes.');
  });
});
