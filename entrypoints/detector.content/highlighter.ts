/**
 * Shows mentions on the page without touching its DOM: the CSS Custom Highlight API (ranges
 * registered by name, painted by the `::highlight()` rules of public/content-highlights.css,
 * which the browser adds to the page with this script as an extension style sheet). Where the
 * API is missing, a fallback draws boxes in our own host element instead.
 */
import { FOCUS_HIGHLIGHT, HIGHLIGHT_NAMES } from '../../lib/detect/page-marks';
import type { MentionMark } from '../../lib/detect/page-types';
import type { LiveMention, MentionSink } from './mentions';
import { createOverlay } from './overlay';
import type { UiHost } from './ui-host';

export interface Highlighter extends MentionSink {
  /** Shows one mention stronger (the panel scrolled to it); null ends it. */
  focus(m: LiveMention | null): void;
  clear(): void;
}

const MARKS = Object.keys(HIGHLIGHT_NAMES) as MentionMark[];

export function hasHighlightApi(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export function createHighlighter(ui: UiHost): Highlighter {
  return hasHighlightApi() ? createApiHighlighter() : createOverlay(ui);
}

function createApiHighlighter(): Highlighter {
  const byMark = new Map<MentionMark, Highlight>();
  for (const mark of MARKS) {
    const h = new Highlight();
    byMark.set(mark, h);
    CSS.highlights.set(HIGHLIGHT_NAMES[mark], h);
  }
  const focus = new Highlight();
  focus.priority = 1;
  CSS.highlights.set(FOCUS_HIGHLIGHT, focus);
  return {
    add(m) {
      if (m.range) byMark.get(m.mark)!.add(m.range);
    },
    remove(m) {
      if (m.range) byMark.get(m.mark)!.delete(m.range);
    },
    focus(m) {
      focus.clear();
      if (m?.range) focus.add(m.range);
    },
    clear() {
      for (const mark of MARKS) CSS.highlights.delete(HIGHLIGHT_NAMES[mark]);
      CSS.highlights.delete(FOCUS_HIGHLIGHT);
    },
  };
}
