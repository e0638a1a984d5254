/**
 * Fallback highlighting for browsers without the CSS Custom Highlight API: translucent boxes
 * drawn over the mentions inside our own host element (never in the page's DOM), redrawn in an
 * animation frame after changes, resizes and scrolling. Pointer events pass through them.
 */
import type { Highlighter } from './highlighter';
import type { LiveMention } from './mentions';
import type { UiHost } from './ui-host';

/** Boxes drawn at most (a very long page keeps the cost of a redraw bounded). */
const MAX_BOXES = 600;

export function createOverlay(ui: UiHost): Highlighter {
  const mentions = new Set<LiveMention>();
  let focused: LiveMention | null = null;
  let layer: HTMLElement | null = null;
  let queued = false;

  function draw(): void {
    queued = false;
    if (!layer) {
      layer = document.createElement('div');
      layer.className = 'cl-overlay';
      ui.root().append(layer);
    }
    const boxes: HTMLElement[] = [];
    const range = document.createRange();
    const sx = window.scrollX;
    const sy = window.scrollY;
    for (const m of mentions) {
      if (!m.range || boxes.length >= MAX_BOXES) continue;
      try {
        range.setStart(m.range.startContainer, m.range.startOffset);
        range.setEnd(m.range.endContainer, m.range.endOffset);
      } catch {
        continue; // The text changed; the rescan that follows replaces the mention.
      }
      for (const r of range.getClientRects()) {
        const box = document.createElement('div');
        box.className = `cl-box cl-box-${m.mark}${m === focused ? ' cl-box-focus' : ''}`;
        box.style.cssText = `left:${r.left + sx}px;top:${r.top + sy}px;width:${r.width}px;height:${r.height}px`;
        boxes.push(box);
      }
    }
    layer.replaceChildren(...boxes);
  }

  function redraw(): void {
    if (queued) return;
    queued = true;
    requestAnimationFrame(draw);
  }
  window.addEventListener('resize', redraw, { passive: true });
  // Scrolling inside a scrolled box moves text away from boxes placed for the document.
  document.addEventListener('scroll', redraw, { passive: true, capture: true });

  return {
    add(m) {
      mentions.add(m);
      redraw();
    },
    remove(m) {
      mentions.delete(m);
      redraw();
    },
    focus(m) {
      focused = m;
      redraw();
    },
    clear() {
      mentions.clear();
      window.removeEventListener('resize', redraw);
      document.removeEventListener('scroll', redraw, { capture: true });
      layer?.remove();
      layer = null;
    },
  };
}
