import { describe, expect, it } from 'vitest';
import { boundaryOf, decideElement, keepsWhitespace, outermostRoots, type ElementFacts } from '../../../lib/detect/page-walk';

const el = (tagName: string, more: Partial<ElementFacts> = {}): ElementFacts => ({ tagName, hidden: false, visible: true, editable: false, ours: false, ...more });

describe('decideElement', () => {
  it.each(['SCRIPT', 'style', 'NOSCRIPT', 'template', 'IFRAME', 'svg', 'select', 'button'])('never reads %s', (tag) => {
    expect(decideElement(el(tag))).toBe('skip');
  });

  it('reads ordinary visible elements, custom elements included', () => {
    expect(decideElement(el('DIV'))).toBe('descend');
    expect(decideElement(el('ehr-note-widget'))).toBe('descend');
  });

  it('skips what is not shown and our own UI', () => {
    expect(decideElement(el('DIV', { visible: false }))).toBe('skip');
    expect(decideElement(el('P', { hidden: true }))).toBe('skip');
    expect(decideElement(el('coder-lens-ui', { ours: true }))).toBe('skip');
  });

  it('leaves text being edited alone (contenteditable)', () => {
    expect(decideElement(el('DIV', { editable: true }))).toBe('skip');
  });

  it('reads the value of read-only and disabled text fields', () => {
    expect(decideElement(el('TEXTAREA', { readOnly: true }))).toBe('field');
    expect(decideElement(el('textarea', { disabled: true }))).toBe('field');
    expect(decideElement(el('INPUT', { inputType: 'text', disabled: true }))).toBe('field');
    expect(decideElement(el('INPUT', { inputType: '', readOnly: true }))).toBe('field');
  });

  it('never reads a field the user can type in or is in, nor non-text inputs', () => {
    expect(decideElement(el('TEXTAREA'))).toBe('skip');
    expect(decideElement(el('INPUT', { inputType: 'text' }))).toBe('skip');
    expect(decideElement(el('TEXTAREA', { readOnly: true, focused: true }))).toBe('skip');
    expect(decideElement(el('INPUT', { inputType: 'password', disabled: true }))).toBe('skip');
    expect(decideElement(el('INPUT', { inputType: 'hidden', readOnly: true }))).toBe('skip');
    expect(decideElement(el('TEXTAREA', { readOnly: true, visible: false }))).toBe('skip');
  });
});

describe('boundaryOf', () => {
  it('separates blocks, cells and paragraphs, not inline elements', () => {
    expect(boundaryOf('SPAN')).toBe('none');
    expect(boundaryOf('b')).toBe('none');
    expect(boundaryOf('my-widget')).toBe('none');
    expect(boundaryOf('DIV')).toBe('line');
    expect(boundaryOf('TD')).toBe('line');
    expect(boundaryOf('LI')).toBe('line');
    expect(boundaryOf('BR')).toBe('line');
    expect(boundaryOf('H2')).toBe('paragraph');
    expect(boundaryOf('P')).toBe('paragraph');
  });
});

describe('keepsWhitespace', () => {
  it('keeps line breaks in pre, textarea and pre-like white-space', () => {
    expect(keepsWhitespace('PRE')).toBe(true);
    expect(keepsWhitespace('DIV', 'pre-wrap')).toBe(true);
    expect(keepsWhitespace('DIV', 'pre-line')).toBe(true);
    expect(keepsWhitespace('DIV', 'normal')).toBe(false);
    expect(keepsWhitespace('SPAN', 'nowrap')).toBe(false);
  });
});

describe('outermostRoots', () => {
  // A tree as paths: "a/b" is inside "a".
  const contains = (a: string, b: string) => b === a || b.startsWith(`${a}/`);

  it('keeps only roots not inside another', () => {
    expect(outermostRoots(['body/main/p1', 'body/main', 'body/aside', 'body/main/p2'], contains)).toEqual(['body/main', 'body/aside']);
  });

  it('drops duplicates', () => {
    expect(outermostRoots(['x/y', 'x/y'], contains)).toEqual(['x/y']);
  });
});
