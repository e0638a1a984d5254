import { describe, expect, it } from 'vitest';
import { nextActiveOption } from '../../../lib/search-view/listbox';

describe('nextActiveOption', () => {
  it('moves down from the text into the list and stops at the last option', () => {
    expect(nextActiveOption(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextActiveOption(0, 'ArrowDown', 3)).toBe(1);
    expect(nextActiveOption(2, 'ArrowDown', 3)).toBe(2);
  });

  it('moves up and back to the text from the first option', () => {
    expect(nextActiveOption(2, 'ArrowUp', 3)).toBe(1);
    expect(nextActiveOption(0, 'ArrowUp', 3)).toBe(-1);
    expect(nextActiveOption(-1, 'ArrowUp', 3)).toBe(-1);
  });

  it('pages by ten within the list, and Escape leaves it', () => {
    expect(nextActiveOption(3, 'PageDown', 25)).toBe(13);
    expect(nextActiveOption(20, 'PageDown', 25)).toBe(24);
    expect(nextActiveOption(5, 'PageUp', 25)).toBe(0);
    expect(nextActiveOption(4, 'Escape', 25)).toBe(-1);
  });

  it('leaves other keys to the input (typing, Home/End, Escape to clear)', () => {
    expect(nextActiveOption(1, 'a', 3)).toBeUndefined();
    expect(nextActiveOption(1, 'Home', 3)).toBeUndefined();
    expect(nextActiveOption(-1, 'Escape', 3)).toBeUndefined();
    expect(nextActiveOption(-1, 'PageDown', 3)).toBeUndefined();
  });

  it('handles an empty list', () => {
    expect(nextActiveOption(-1, 'ArrowDown', 0)).toBe(-1);
    expect(nextActiveOption(-1, 'Enter', 0)).toBeUndefined();
  });
});
