/** Id of the results listbox and of its options (the combobox points at them). */
export const SEARCH_RESULTS_ID = 'cl-search-results';
export const searchOptionId = (index: number): string => `cl-search-option-${index}`;

/**
 * The active option after a key press in the search combobox, or undefined when the key is not
 * one the list handles (the input keeps it). -1 means no active option (focus stays in the text).
 */
export function nextActiveOption(current: number, key: string, count: number): number | undefined {
  if (count === 0) return key === 'ArrowDown' || key === 'ArrowUp' ? -1 : undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return current <= 0 ? -1 : current - 1;
    case 'PageDown':
      return current < 0 ? undefined : Math.min(current + 10, count - 1);
    case 'PageUp':
      return current < 0 ? undefined : Math.max(current - 10, 0);
    case 'Escape':
      return current < 0 ? undefined : -1;
    default:
      return undefined;
  }
}
