import { describe, expect, it } from 'vitest';
import { TITLE_MAX_LENGTH } from '../../../lib/worklist/code-list';
import { FAVORITES_LIMIT, RECENT_LIMIT } from '../../../lib/worklist/favorites';
import { emptyWorklistState, parseWorklistState } from '../../../lib/worklist/state';
import { WORKLIST_LIMIT } from '../../../lib/worklist/worklist';

const addedAt = '2026-03-02T10:15:00.000Z';
const entry = (code: string, system = 'icd10cm', title = `T ${code}`) => ({ system, code, title, addedAt });
const ref = (code: string, system = 'icd10cm', title = `T ${code}`) => ({ system, code, title });

describe('parseWorklistState', () => {
  it('keeps a well-formed state as it was, in order', () => {
    const stored = {
      worklist: [entry('E1122'), entry('0DTJ4ZZ', 'icd10pcs'), entry('J1100', 'hcpcs')],
      favorites: [ref('I10'), ref('A0100', 'hcpcs'), ref('A0100')],
      recent: [ref('S134XXA'), ref('E119')],
    };
    expect(parseWorklistState(stored)).toEqual({ state: stored, dropped: 0 });
  });

  it('treats nothing stored as an empty state with nothing dropped', () => {
    expect(parseWorklistState(undefined)).toEqual({ state: emptyWorklistState(), dropped: 0 });
    expect(parseWorklistState(null)).toEqual({ state: emptyWorklistState(), dropped: 0 });
    expect(parseWorklistState({})).toEqual({ state: emptyWorklistState(), dropped: 0 });
  });

  it('counts a value of the wrong type as one dropped item', () => {
    for (const raw of ['worklist', 42, true, [entry('I10')]]) {
      expect(parseWorklistState(raw), JSON.stringify(raw)).toEqual({ state: emptyWorklistState(), dropped: 1 });
    }
    const r = parseWorklistState({ worklist: 'E1122', favorites: { 0: ref('I10') }, recent: [ref('I10')] });
    expect(r.state.worklist).toEqual([]);
    expect(r.state.favorites).toEqual([]);
    expect(r.state.recent).toEqual([ref('I10')]);
    expect(r.dropped).toBe(2);
  });

  it('drops malformed worklist entries one by one and keeps every good one in order', () => {
    const bad = [
      null,
      'E1122',
      7,
      [],
      { system: 'icd10cm', code: 'I10', title: 'no addedAt' },
      { ...entry('I10'), addedAt: 1_700_000_000_000 },
      { ...entry('I10'), addedAt: 'yesterday' },
      { ...entry('I10'), addedAt: 'Mon, 02 Mar 2026 10:15:00 GMT' }, // parses, but is not what we write
      { ...entry('I10'), addedAt: '2026-13-45T99:99:99.000Z' },
      entry('E11.22'), // dotted: stored codes have no dot
      entry('e1122'), // lower case
      entry('E1122', 'cpt'), // unknown system
      entry('99213', 'icd10cm'), // a CPT-shaped code in the wrong system
      entry('0DTI4ZZ', 'icd10pcs'), // PCS never uses I or O
      entry('J11000', 'hcpcs'), // HCPCS is five characters
      { ...entry('I10'), code: 10 },
      { ...entry('I10'), title: null },
      { ...entry('I10'), title: 'x'.repeat(TITLE_MAX_LENGTH + 1) },
      { ...entry('I10'), system: { toString: () => 'icd10cm' } },
    ];
    const good = [entry('E1122'), entry('0DTJ4ZZ', 'icd10pcs'), entry('J1100', 'hcpcs')];
    const r = parseWorklistState({ worklist: [bad[0], good[0], ...bad.slice(1, 9), good[1], ...bad.slice(9), good[2]] });
    expect(r.state.worklist).toEqual(good);
    expect(r.dropped).toBe(bad.length);
  });

  it('keeps a title at the length limit and an empty title', () => {
    const long = entry('I10', 'icd10cm', 'x'.repeat(TITLE_MAX_LENGTH));
    const r = parseWorklistState({ worklist: [long, entry('E119', 'icd10cm', '')] });
    expect(r).toEqual({ state: { ...emptyWorklistState(), worklist: [long, entry('E119', 'icd10cm', '')] }, dropped: 0 });
  });

  it('keeps the first of duplicate codes and counts the others', () => {
    const r = parseWorklistState({
      worklist: [entry('I10', 'icd10cm', 'first'), entry('E1122'), entry('I10', 'icd10cm', 'second')],
      favorites: [ref('A0100'), ref('A0100', 'hcpcs'), ref('A0100')],
    });
    expect(r.state.worklist.map((e) => e.title)).toEqual(['first', 'T E1122']);
    expect(r.state.favorites.map((f) => f.system)).toEqual(['icd10cm', 'hcpcs']);
    expect(r.dropped).toBe(2);
  });

  it('keeps hostile titles as plain text, unchanged', () => {
    const title = '<script>alert(1)</script><img src=x onerror=alert(1)> &amp; "quoted" \u202Eevil';
    const r = parseWorklistState({ worklist: [entry('R69', 'icd10cm', title)], recent: [ref('R69', 'icd10cm', title)] });
    expect(r.state.worklist[0].title).toBe(title);
    expect(r.state.recent[0].title).toBe(title);
    expect(r.dropped).toBe(0);
  });

  it('keeps whether a code is valid for reporting, and drops an entry whose flag is not a boolean', () => {
    const header = { ...entry('S134'), valid: false };
    const r = parseWorklistState({
      worklist: [header, { ...entry('I10'), valid: 'yes' }, entry('E1122')],
      favorites: [{ ...ref('J449'), valid: true }, { ...ref('N184'), valid: 1 }],
    });
    expect(r.state.worklist).toEqual([header, entry('E1122')]);
    expect(Object.keys(r.state.worklist[1])).not.toContain('valid');
    expect(r.state.favorites).toEqual([{ ...ref('J449'), valid: true }]);
    expect(r.dropped).toBe(2);
  });

  it('copies only the known fields, so unknown or prototype keys do not ride along', () => {
    const stored = JSON.parse(
      `{"worklist":[{"system":"icd10cm","code":"I10","title":"t","addedAt":"${addedAt}","__proto__":{"polluted":true},"html":"<b>"}],"extra":1}`,
    );
    const r = parseWorklistState(stored);
    expect(r.state.worklist[0]).toEqual({ system: 'icd10cm', code: 'I10', title: 't', addedAt });
    expect(Object.keys(r.state.worklist[0]).sort()).toEqual(['addedAt', 'code', 'system', 'title']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.dropped).toBe(0);
  });

  it('applies the limits, keeping the first entries and counting the excess', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `J${String(i).padStart(4, '0')}`);
    const r = parseWorklistState({
      worklist: many(WORKLIST_LIMIT + 3).map((c) => entry(c, 'hcpcs')),
      favorites: many(FAVORITES_LIMIT + 2).map((c) => ref(c, 'hcpcs')),
      recent: many(RECENT_LIMIT + 1).map((c) => ref(c, 'hcpcs')),
    });
    expect(r.state.worklist).toHaveLength(WORKLIST_LIMIT);
    expect(r.state.favorites).toHaveLength(FAVORITES_LIMIT);
    expect(r.state.recent).toHaveLength(RECENT_LIMIT);
    expect(r.state.recent[0].code).toBe('J0000');
    expect(r.dropped).toBe(6);
  });

  it('skips bad entries before applying a limit, so good ones after them are kept', () => {
    const recent = [...Array.from({ length: 10 }, () => 'junk'), ...Array.from({ length: RECENT_LIMIT }, (_, i) => ref(`J${String(i).padStart(4, '0')}`, 'hcpcs'))];
    const r = parseWorklistState({ recent });
    expect(r.state.recent).toHaveLength(RECENT_LIMIT);
    expect(r.dropped).toBe(10);
  });

  it('never throws, even on objects whose reads throw', () => {
    const throwingEntry = Object.defineProperty({ ...entry('I10') }, 'code', {
      get() {
        throw new Error('boom');
      },
    });
    const throwingState = Object.defineProperty({ recent: [ref('I10')] }, 'worklist', {
      get() {
        throw new Error('boom');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(parseWorklistState({ worklist: [throwingEntry, entry('E1122')] })).toEqual({
      state: { ...emptyWorklistState(), worklist: [entry('E1122')] },
      dropped: 1,
    });
    expect(parseWorklistState(throwingState)).toEqual({ state: { ...emptyWorklistState(), recent: [ref('I10')] }, dropped: 1 });
    expect(() => parseWorklistState(revoked.proxy)).not.toThrow();
    expect(parseWorklistState({ worklist: [revoked.proxy, entry('I10')] }).state.worklist).toEqual([entry('I10')]);
  });
});
