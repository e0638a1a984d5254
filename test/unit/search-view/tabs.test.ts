import { describe, expect, it } from 'vitest';
import { tabForKey } from '../../../lib/search-view/tabs';

describe('tabForKey', () => {
  it('moves with the arrows, wrapping at both ends', () => {
    expect(tabForKey('search', 'ArrowRight')).toBe('tables');
    expect(tabForKey('codesets', 'ArrowRight')).toBe('search');
    expect(tabForKey('search', 'ArrowLeft')).toBe('codesets');
  });
  it('goes to the ends with Home and End, and ignores other keys', () => {
    expect(tabForKey('worklist', 'Home')).toBe('search');
    expect(tabForKey('worklist', 'End')).toBe('codesets');
    expect(tabForKey('worklist', 'Enter')).toBeNull();
  });
});
