import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FOCUS_HIGHLIGHT, HIGHLIGHT_CSS_FILE, HIGHLIGHT_NAMES, markOf, mentionCard } from '../../../lib/detect/page-marks';
import { plainContext, sampleMention } from './page-fixtures';

describe('markOf', () => {
  it('gives each context one mark, strongest first', () => {
    expect(markOf(plainContext())).toBe('current');
    expect(markOf(plainContext({ negated: true, historical: true }))).toBe('negated');
    expect(markOf(plainContext({ experiencer: 'other', historical: true }))).toBe('other');
    expect(markOf(plainContext({ historical: true, uncertain: true }))).toBe('historical');
    expect(markOf(plainContext({ uncertain: true }))).toBe('uncertain');
  });
});

describe('the highlight style sheet', () => {
  const css = readFileSync(resolve(import.meta.dirname, '../../../public', HIGHLIGHT_CSS_FILE.slice(1)), 'utf8');
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, '').trim().split('\n');

  it('styles every highlight name', () => {
    for (const name of [...Object.values(HIGHLIGHT_NAMES), FOCUS_HIGHLIGHT]) expect(css).toContain(`:root::highlight(${name})`);
  });

  it('has nothing but :root::highlight rules (it is added to pages that are not ours)', () => {
    for (const rule of rules) expect(rule).toMatch(/^:root::highlight\(coder-lens-[a-z]+\) \{[^{}]*\}$/);
  });
});

describe('mentionCard', () => {
  it('says why a mention is negated, with the trigger words', () => {
    const card = mentionCard(
      sampleMention({
        text: 'chest pain',
        concept: 'chest pain',
        context: plainContext({ negated: true, triggers: [{ kind: 'negation', text: 'denies', start: 0, end: 6, source: 'phrase' }] }),
      }),
    );
    expect(card.marks).toEqual(['Negated — “denies”']);
    expect(card.heading).toBe('chest pain');
  });

  it('lists at most the top codes and flags headers and unknown codes', () => {
    const codes = ['I10', 'I11', 'I12', 'I13'].map((code) => ({ system: 'icd10cm' as const, code, display: code, title: code, valid: true }));
    expect(mentionCard(sampleMention({ codes })).codes).toHaveLength(3);
    expect(mentionCard(sampleMention({ kind: 'code', codeStatus: 'header' })).note).toMatch(/header/);
    expect(mentionCard(sampleMention({ kind: 'code', codeStatus: 'unknown' })).note).toMatch(/Not a code/);
  });

  it('says when it was found in a read-only field', () => {
    expect(mentionCard({ ...sampleMention(), readOnlyField: true }).note).toBe('Found in a read-only field.');
  });

  it('passes page text through as plain strings (the card sets them as text)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const card = mentionCard(sampleMention({ text: hostile, concept: hostile }));
    expect(card.heading).toBe(hostile);
    expect(card.concept).toBe(hostile);
  });
});
