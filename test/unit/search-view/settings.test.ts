import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../../lib/search-view/settings';

describe('parseSettings', () => {
  it('keeps valid stored settings', () => {
    expect(parseSettings({ copyWithDots: false })).toEqual({ copyWithDots: false });
  });
  it.each([null, 'x', 42, [], { copyWithDots: 'no' }, {}])('falls back to the defaults for %s', (raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});
