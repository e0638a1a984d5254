import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../lib/detect/types';
import { brief, testDetector } from './detect-packs';

// Page text belongs to someone else and can be anything. These inputs must finish in about the
// time of ordinary text; the bound only catches runaway (quadratic or backtracking) behaviour.
// Speed figures belong to `npm run bench:detect`, not to tests.
const RUNAWAY_MS = 5000;

function timedDetect(text: string): Mention[] {
  const started = performance.now();
  const mentions = testDetector().detect(text);
  expect(performance.now() - started).toBeLessThan(RUNAWAY_MS);
  // Offsets always point into the text given, in order, without overlap.
  let last = 0;
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    last = m.end;
  }
  return mentions;
}

describe('hostile and page-sized input', () => {
  it.each([
    ['one 400,000-character word', 'a'.repeat(400_000)],
    ['no spaces at all', 'chestpainfeverHTN'.repeat(20_000)],
    ['one phrase repeated without punctuation', 'chest pain '.repeat(40_000)],
    ['a phrase prefix repeated endlessly', 'type 2 type 2 type 2 '.repeat(20_000)],
    ['an ambiguous abbreviation everywhere', 'PE MS CA RA '.repeat(25_000)],
    ['digits and dots', '1.2.3.4.5 E11.9.9 '.repeat(20_000)],
    ['line breaks only', '\n'.repeat(300_000)],
    ['emoji and other scripts', '😀 ⚕️ 胸痛 ألم الصدر '.repeat(20_000)],
  ])('%s', (_, text) => {
    expect(Array.isArray(timedDetect(text))).toBe(true);
  });

  it('markup is only text: offsets stay those of the string, nothing is interpreted', () => {
    const text = '<div onclick="alert(1)">Denies <b>chest pain</b>.</div><script>HTN()</script><img src=x onerror="fever">';
    const mentions = timedDetect(text);
    expect(brief(mentions)).toEqual(['chest pain → R07.9', 'HTN → I10', 'fever → R50.9']);
    expect(mentions[0].context.negated).toBe(true);
  });

  it('empty and non-string input give no mentions', () => {
    expect(testDetector().detect('')).toEqual([]);
    expect(testDetector().detect(undefined as unknown as string)).toEqual([]);
  });

  it('mentions survive structured cloning (they cross extension messaging)', () => {
    const mentions = timedDetect('No fever. PMH: HTN, E11.9.');
    expect(structuredClone(mentions)).toEqual(mentions);
  });
});
