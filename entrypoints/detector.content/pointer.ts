/**
 * Finds the mention under the pointer without changing anything in the page: passive listeners,
 * no preventDefault, a hit test in an animation frame (the caret position at the pointer, then the
 * mention's own boxes). Hovering a mention shows its card after a short pause; clicking shows it
 * at once and keeps it until closed.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Card } from './card';
import type { LiveMention, MentionSet } from './mentions';
import type { UiHost } from './ui-host';

const HOVER_MS = 350;
const LEAVE_MS = 400;

type CaretDoc = Document & {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

export interface PointerDeps {
  ctx: ContentScriptContext;
  mentions: MentionSet;
  card: Card;
  ui: UiHost;
  /** Open shadow roots with mentions (the caret lookup must be told about them). */
  shadowRoots(): ShadowRoot[];
}

/** Where a mention is on screen (its first box), for placing its card. */
export function anchorOf(m: LiveMention): DOMRect | null {
  if (m.field) return m.field.getBoundingClientRect();
  if (!m.range) return null;
  const range = toRange(m.range);
  return range?.getClientRects()[0] ?? range?.getBoundingClientRect() ?? null;
}

function toRange(r: StaticRange): Range | null {
  try {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return null;
  }
}

export function startPointer(deps: PointerDeps): void {
  const { ctx, mentions, card, ui } = deps;
  let frame = 0;
  let last: { x: number; y: number; target: EventTarget | null } | null = null;
  let hovered: LiveMention[] = [];
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;

  function hitTest(x: number, y: number, target: EventTarget | null): LiveMention[] {
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return mentions.inField(target).slice();
    const doc = document as CaretDoc;
    let node: Node | null = null;
    let offset = 0;
    if (doc.caretPositionFromPoint) {
      const pos = doc.caretPositionFromPoint(x, y, { shadowRoots: deps.shadowRoots() });
      if (pos) ({ offsetNode: node, offset } = pos);
    } else if (doc.caretRangeFromPoint) {
      const r = doc.caretRangeFromPoint(x, y);
      if (r) ({ startContainer: node, startOffset: offset } = r);
    }
    if (!node || node.nodeType !== Node.TEXT_NODE) return [];
    // The caret is the nearest position, so make sure the pointer is really on the mention's text.
    return mentions.at(node, offset).filter((m) => {
      const range = m.range && toRange(m.range);
      if (!range) return false;
      for (const b of range.getClientRects()) if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return true;
      return false;
    });
  }

  const same = (a: LiveMention[], b: LiveMention[]) => a.length === b.length && a.every((m, i) => m === b[i]);

  function onFrame(): void {
    frame = 0;
    if (!last || ctx.isInvalid) return;
    const { x, y, target } = last;
    if (target instanceof Node && ui.isOurs(target)) {
      clearTimeout(leaveTimer);
      return; // On the card.
    }
    const hit = mentions.all().length ? hitTest(x, y, target) : [];
    if (same(hit, hovered)) return;
    hovered = hit;
    clearTimeout(hoverTimer);
    if (hit.length) {
      clearTimeout(leaveTimer);
      hoverTimer = setTimeout(() => {
        if (ctx.isInvalid || !same(hovered, hit) || (card.pinned && card.shown.length)) return;
        const anchor = anchorOf(hit[0]);
        if (anchor) card.show(hit, anchor, false);
      }, HOVER_MS);
    } else if (card.shown.length && !card.pinned) {
      clearTimeout(leaveTimer);
      leaveTimer = setTimeout(() => {
        if (!hovered.length && !card.pinned) card.hide();
      }, LEAVE_MS);
    }
  }

  const passive = { passive: true, capture: true } as const;
  ctx.addEventListener(
    document,
    'pointermove',
    (e: PointerEvent) => {
      last = { x: e.clientX, y: e.clientY, target: e.composedPath()[0] ?? e.target };
      if (!frame) frame = requestAnimationFrame(onFrame);
    },
    passive,
  );
  ctx.addEventListener(
    document,
    'click',
    (e: MouseEvent) => {
      const target = e.composedPath()[0] ?? e.target;
      if (target instanceof Node && ui.isOurs(target)) return;
      // A click that ends a text selection is the coder selecting, not asking for a card.
      if (!getSelection()?.isCollapsed) return;
      const hit = mentions.all().length ? hitTest(e.clientX, e.clientY, target) : [];
      if (hit.length) {
        const anchor = anchorOf(hit[0]);
        if (anchor) card.show(hit, anchor, true);
      } else if (card.shown.length) card.hide();
    },
    passive,
  );
  ctx.addEventListener(
    document,
    'keydown',
    (e: KeyboardEvent) => {
      if (e.key === 'Escape' && card.shown.length) card.hide();
    },
    passive,
  );
  // After a scroll a hover card would point elsewhere: it goes; a pinned one follows its mention.
  let moveFrame = 0;
  ctx.addEventListener(
    document,
    'scroll',
    () => {
      if (!card.shown.length) return;
      if (!card.pinned) card.hide();
      else if (!moveFrame)
        moveFrame = requestAnimationFrame(() => {
          moveFrame = 0;
          const anchor = card.shown.length ? anchorOf(card.shown[0]) : null;
          if (anchor) card.move(anchor);
        });
    },
    passive,
  );
  ctx.onInvalidated(() => {
    clearTimeout(hoverTimer);
    clearTimeout(leaveTimer);
    if (frame) cancelAnimationFrame(frame);
  });
}
