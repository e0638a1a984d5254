import { describe, expect, it } from 'vitest';
import { codeCopyText } from '../../../lib/worklist/clipboard';
import type { CodeRef } from '../../../lib/worklist/code-list';
import { addToWorklist, copyText, type Worklist } from '../../../lib/worklist/worklist';

const sprain: CodeRef = { system: 'icd10cm', code: 'S134XXA', title: 'Sprain of ligaments of cervical spine, initial encounter' };
const appendix: CodeRef = { system: 'icd10pcs', code: '0DTJ4ZZ', title: 'Resection of Appendix, Percutaneous Endoscopic Approach' };
const dex: CodeRef = { system: 'hcpcs', code: 'J1100', title: 'Injection, dexamethasone sodium phosphate, 1 mg' };

describe('codeCopyText', () => {
  it('dots only ICD-10-CM codes longer than a category, and only when asked', () => {
    expect(codeCopyText(sprain, { withDots: true, withTitle: false })).toBe('S13.4XXA');
    expect(codeCopyText(sprain, { withDots: false, withTitle: false })).toBe('S134XXA');
    expect(codeCopyText({ ...sprain, code: 'I10' }, { withDots: true, withTitle: false })).toBe('I10');
    expect(codeCopyText(appendix, { withDots: true, withTitle: false })).toBe('0DTJ4ZZ');
    expect(codeCopyText(dex, { withDots: true, withTitle: false })).toBe('J1100');
  });

  it('puts the title after a tab, flattening tabs and line breaks inside it, markup left as text', () => {
    expect(codeCopyText(sprain, { withDots: true, withTitle: true })).toBe('S13.4XXA\tSprain of ligaments of cervical spine, initial encounter');
    expect(codeCopyText({ ...dex, title: '<b>Injection</b>,\t\r\ndexamethasone\n1 mg' }, { withDots: false, withTitle: true })).toBe(
      'J1100\t<b>Injection</b>, dexamethasone 1 mg',
    );
  });

  it('gives each line of the worklist copy', () => {
    const list = [sprain, appendix, dex].reduce<Worklist>((l, ref) => addToWorklist(l, ref).list, []);
    for (const withDots of [true, false]) {
      for (const withTitles of [true, false]) {
        const lines = list.map((e) => codeCopyText(e, { withDots, withTitle: withTitles }));
        expect(copyText(list, { withDots, withTitles })).toBe(lines.join('\n'));
      }
    }
  });
});
