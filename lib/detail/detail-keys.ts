import type { CodeDetail } from './code-detail';
import { siblingNeighbours } from './siblings';

/** What a single key does in the code detail view. */
export type DetailKeyAction = 'parent' | 'previousSibling' | 'nextSibling' | 'firstChild' | 'copy' | 'copyWithTitle' | 'addToWorklist' | 'toggleFavorite';

/** The parts of a keydown event the mapping reads, plus what the view knows about the focus. */
export interface DetailKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** An IME composition is in progress: the key belongs to it. */
  isComposing?: boolean;
  /** Focus is where keys are typed (a text field, select, editable element, the 7th-character choices). */
  inTextField: boolean;
  /** The page has selected text: Ctrl/Cmd+C then copies that selection, as usual. */
  hasSelection: boolean;
}

const LETTER_ACTIONS: Record<string, DetailKeyAction> = {
  u: 'parent',
  d: 'firstChild',
  c: 'copy',
  t: 'copyWithTitle',
  w: 'addToWorklist',
  f: 'toggleFavorite',
};

/**
 * The action of a key pressed in the detail view, or null when the key is not ours. Single keys
 * act only without modifiers (Ctrl+T, Alt+F and the like stay the browser's) and never while
 * typing. Ctrl+C / Cmd+C copies the code only when nothing is selected, so copying a selected
 * title or note still works the usual way.
 */
export function detailKeyAction(e: DetailKeyEvent): DetailKeyAction | null {
  if (e.isComposing || e.inTextField) return null;
  if (e.ctrlKey || e.metaKey) {
    const copyChord = (e.key === 'c' || e.key === 'C') && !e.altKey && !e.shiftKey && e.ctrlKey !== e.metaKey;
    return copyChord && !e.hasSelection ? 'copy' : null;
  }
  if (e.altKey) return null;
  // The brackets are typed with Shift on some layouts; the key value already says which one.
  if (e.key === '[') return 'previousSibling';
  if (e.key === ']') return 'nextSibling';
  // Caps Lock gives "U" without Shift; Shift+U is left alone.
  if (e.shiftKey || e.key.length !== 1) return null;
  return LETTER_ACTIONS[e.key.toLowerCase()] ?? null;
}

/** The code (undotted) a navigation action opens from this detail, or undefined when there is none. */
export function navigationTarget(detail: Pick<CodeDetail, 'code' | 'parent' | 'siblings' | 'children'>, action: DetailKeyAction): string | undefined {
  switch (action) {
    case 'parent':
      return detail.parent?.code;
    case 'previousSibling':
      return siblingNeighbours(detail.siblings, detail.code).previous?.code;
    case 'nextSibling':
      return siblingNeighbours(detail.siblings, detail.code).next?.code;
    case 'firstChild':
      return detail.children[0]?.code;
    default:
      return undefined;
  }
}

/** Which action keys the view offers: those whose handler the panel supplies. */
export interface DetailKeyOffer {
  copy: boolean;
  worklist: boolean;
  favorite: boolean;
}

/** The one-line key hint under the heading, listing only keys that do something here. */
export function detailKeyHint(offer: DetailKeyOffer): string {
  const parts = ['u parent', '[ ] siblings', 'd child'];
  if (offer.copy) parts.push('c copy', 't copy with title');
  if (offer.worklist) parts.push('w add to worklist');
  if (offer.favorite) parts.push('f favorite');
  parts.push('Esc back');
  return parts.join(' · ');
}
