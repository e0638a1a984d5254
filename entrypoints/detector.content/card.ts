/**
 * The small card shown for a mention on hover or click: what was found, its context marks, top
 * codes, "Open in panel". Built only with textContent: the mention's text is page text, which may
 * be hostile markup; nothing from the page is ever parsed as HTML.
 */
import { mentionCard } from '../../lib/detect/page-marks';
import type { LiveMention } from './mentions';
import type { UiHost } from './ui-host';

/** Mentions listed in one card (a read-only field can hold many). */
const MAX_ITEMS = 4;

export interface Card {
  show(mentions: LiveMention[], anchor: DOMRect, pinned: boolean): void;
  /** Places the card by its mention again (the page scrolled). */
  move(anchor: DOMRect): void;
  hide(): void;
  readonly shown: LiveMention[];
  readonly pinned: boolean;
}

export function createCard(ui: UiHost, onOpen: (m: LiveMention) => void): Card {
  let el: HTMLElement | null = null;
  let shown: LiveMention[] = [];
  let pinned = false;

  function build(): HTMLElement {
    const card = document.createElement('div');
    card.className = 'cl-card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Coder Lens');
    card.hidden = true;
    ui.root().append(card);
    return card;
  }

  function item(m: LiveMention): HTMLElement {
    const c = mentionCard({ ...m.mention, readOnlyField: m.field !== null });
    const section = node('section', 'cl-item');
    section.append(node('div', 'cl-heading', c.heading));
    if (c.concept && c.concept.toLowerCase() !== c.heading.toLowerCase()) section.append(node('div', 'cl-concept', c.concept));
    if (c.marks.length) {
      const marks = node('ul', 'cl-marks');
      marks.setAttribute('aria-label', 'Context');
      for (const mark of c.marks) marks.append(node('li', `cl-mark${mark.startsWith('Negated') ? ' cl-mark-negated' : ''}`, mark));
      section.append(marks);
    }
    if (c.codes.length) {
      const codes = node('ol', 'cl-codes');
      codes.setAttribute('aria-label', 'Codes');
      for (const code of c.codes) {
        const li = node('li');
        li.append(node('span', 'cl-code', code.display), node('span', 'cl-title', code.title));
        if (!code.valid) li.append(node('span', 'cl-header', '(header)'));
        codes.append(li);
      }
      section.append(codes);
    }
    if (c.note) section.append(node('p', 'cl-note', c.note));
    const open = node('button', 'cl-open', 'Open in panel') as HTMLButtonElement;
    open.type = 'button';
    open.addEventListener('click', () => onOpen(m));
    section.append(open);
    return section;
  }

  return {
    show(mentions, anchor, pin) {
      el ??= build();
      if (!el.isConnected) ui.root().append(el);
      shown = mentions.slice(0, MAX_ITEMS);
      pinned = pin;
      const close = node('button', 'cl-close', '×') as HTMLButtonElement;
      close.type = 'button';
      close.setAttribute('aria-label', 'Close');
      close.addEventListener('click', () => this.hide());
      el.replaceChildren(close, node('div', 'cl-brand', 'Coder Lens'), ...shown.map(item));
      el.hidden = false;
      place(el, anchor);
    },
    move(anchor) {
      if (el && !el.hidden) place(el, anchor);
    },
    hide() {
      if (el) {
        el.hidden = true;
        el.replaceChildren();
      }
      shown = [];
      pinned = false;
    },
    get shown() {
      return shown;
    },
    get pinned() {
      return pinned;
    },
  };
}

function node(tag: string, className?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Below the mention when it fits, else above; kept inside the viewport. */
function place(card: HTMLElement, anchor: DOMRect): void {
  const gap = 6;
  const { innerWidth: vw, innerHeight: vh } = window;
  const rect = card.getBoundingClientRect();
  const left = Math.max(8, Math.min(anchor.left, vw - rect.width - 8));
  const below = anchor.bottom + gap;
  const top = below + rect.height <= vh - 8 || anchor.top - gap - rect.height < 8 ? below : anchor.top - gap - rect.height;
  card.style.left = `${left}px`;
  card.style.top = `${Math.max(8, Math.min(top, vh - rect.height - 8))}px`;
}
