import { describe, expect, it } from 'vitest';
import type { CodeRef } from '../../../lib/worklist/code-list';
import { moveCode } from '../../../lib/worklist/code-list';
import {
  FAVORITES_LIMIT,
  isFavorite,
  recordLookup,
  RECENT_LIMIT,
  toggleFavorite,
  type Favorites,
  type RecentLookups,
} from '../../../lib/worklist/favorites';

const cm = (code: string, title = `CM ${code}`): CodeRef => ({ system: 'icd10cm', code, title });
const hcpcs = (code: string, title = `HCPCS ${code}`): CodeRef => ({ system: 'hcpcs', code, title });
const codes = (list: readonly CodeRef[]) => list.map((e) => e.code);

function pinAll(...refs: CodeRef[]): Favorites {
  let list: Favorites = [];
  for (const ref of refs) {
    const r = toggleFavorite(list, ref);
    if (!r.changed || !r.pinned) throw new Error(`could not pin ${ref.code}`);
    list = r.list;
  }
  return list;
}

describe('toggleFavorite', () => {
  it('pins at the end, keeping the order the coder pinned in', () => {
    const list = pinAll(cm('I10'), cm('E1122'), hcpcs('J1100'));
    expect(codes(list)).toEqual(['I10', 'E1122', 'J1100']);
    expect(isFavorite(list, cm('E1122'))).toBe(true);
  });

  it('unpins a pinned code and keeps the rest in order', () => {
    const list = pinAll(cm('I10'), cm('E1122'), hcpcs('J1100'));
    const r = toggleFavorite(list, cm('E1122'));
    expect(r).toMatchObject({ changed: true, pinned: false });
    expect(codes(r.list)).toEqual(['I10', 'J1100']);
    expect(isFavorite(r.list, cm('E1122'))).toBe(false);
    expect(codes(list)).toEqual(['I10', 'E1122', 'J1100']);
  });

  it('tells the two systems apart (unpinning HCPCS A0100 leaves CM A01.00 pinned)', () => {
    const list = pinAll(cm('A0100'), hcpcs('A0100'));
    const r = toggleFavorite(list, hcpcs('A0100'));
    expect(r.list).toEqual([cm('A0100')]);
  });

  it('can be reordered with the shared move', () => {
    const list = pinAll(cm('I10'), cm('E1122'), hcpcs('J1100'));
    expect(codes(moveCode(list, hcpcs('J1100'), 0))).toEqual(['J1100', 'I10', 'E1122']);
  });

  it(`refuses a new pin at ${FAVORITES_LIMIT} with a clear message, but still unpins`, () => {
    const full = pinAll(...Array.from({ length: FAVORITES_LIMIT }, (_, i) => hcpcs(`J${String(i).padStart(4, '0')}`)));
    const r = toggleFavorite(full, cm('E1122'));
    expect(r.changed).toBe(false);
    expect(r.list).toBe(full);
    if (!r.changed) {
      expect(r.reason).toBe('full');
      expect(r.message).toBe(`Favorites are full (${FAVORITES_LIMIT} codes). Unpin one to pin E11.22.`);
    }
    const unpinned = toggleFavorite(full, hcpcs('J0000'));
    expect(unpinned).toMatchObject({ changed: true, pinned: false });
    expect(unpinned.list).toHaveLength(FAVORITES_LIMIT - 1);
  });

  it('refuses a malformed code', () => {
    const r = toggleFavorite([], cm('E11.22'));
    expect(r).toMatchObject({ changed: false, reason: 'invalid' });
  });
});

describe('recordLookup', () => {
  function lookUp(...refs: CodeRef[]): RecentLookups {
    return refs.reduce<RecentLookups>((list, ref) => recordLookup(list, ref), []);
  }

  it('puts the most recent first', () => {
    expect(codes(lookUp(cm('I10'), cm('E1122'), hcpcs('J1100')))).toEqual(['J1100', 'E1122', 'I10']);
  });

  it('moves a repeated lookup to the front instead of listing it twice, with its newer title', () => {
    const list = lookUp(cm('I10'), cm('E1122'), hcpcs('J1100'), cm('I10', 'Essential (primary) hypertension'));
    expect(codes(list)).toEqual(['I10', 'J1100', 'E1122']);
    expect(list[0].title).toBe('Essential (primary) hypertension');
  });

  it('keeps the valid flag of a pin and a lookup, and nothing else the caller passed', () => {
    const fromDetail = { ...cm('S134'), valid: false, children: ['S134XXA'] };
    expect(recordLookup([], fromDetail)).toEqual([{ system: 'icd10cm', code: 'S134', title: 'CM S134', valid: false }]);
    expect(toggleFavorite([], fromDetail).list).toEqual([{ system: 'icd10cm', code: 'S134', title: 'CM S134', valid: false }]);
  });

  it('keeps the same characters in two systems as two lookups', () => {
    expect(lookUp(cm('A0100'), hcpcs('A0100'))).toHaveLength(2);
  });

  it(`keeps the latest ${RECENT_LIMIT}, dropping the oldest`, () => {
    const refs = Array.from({ length: RECENT_LIMIT + 5 }, (_, i) => hcpcs(`J${String(i).padStart(4, '0')}`));
    const list = lookUp(...refs);
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0].code).toBe(`J${String(RECENT_LIMIT + 4).padStart(4, '0')}`);
    expect(list[RECENT_LIMIT - 1].code).toBe('J0005');
    expect(isFavorite(list, hcpcs('J0004'))).toBe(false);
  });

  it('ignores a malformed code and leaves the list as it was', () => {
    const list = lookUp(cm('I10'));
    expect(recordLookup(list, cm('not a code'))).toBe(list);
  });
});
