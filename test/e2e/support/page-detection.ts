import type { Page } from 'playwright-core';

/** The highlight names the content script registers (lib/detect/page-marks.ts). */
export const HL = {
  current: 'coder-lens-current',
  negated: 'coder-lens-negated',
  uncertain: 'coder-lens-uncertain',
  historical: 'coder-lens-historical',
  other: 'coder-lens-other',
  focus: 'coder-lens-focus',
} as const;

/**
 * The text of every range in each Coder Lens highlight, read by the page's own scripts (the main
 * world): the highlight registry is one per document, whichever world registered them.
 */
export function highlightTexts(page: Page | import('playwright-core').Frame): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('coder-lens-')) continue;
      out[name] = [...(h as Highlight)].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString().replace(/\s+/g, ' ');
      });
    }
    return out;
  });
}

/** Waits until a highlight holds a range with `text` (case-insensitive). */
export async function waitForHighlight(page: Page | import('playwright-core').Frame, name: string, text: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    ({ name, text }) => {
      const h = CSS.highlights.get(name);
      if (!h) return false;
      for (const r of h as Highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString().replace(/\s+/g, ' ').toLowerCase() === text.toLowerCase()) return true;
      }
      return false;
    },
    { name, text },
    { timeout, polling: 200 },
  );
}

/** Where a highlighted mention is on screen (its first box), for pointing at it. */
export function mentionBox(page: Page, name: string, text: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.evaluate(
    ({ name, text }) => {
      for (const r of (CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString().replace(/\s+/g, ' ').toLowerCase() !== text.toLowerCase()) continue;
        const b = range.getClientRects()[0];
        return b ? { x: b.x, y: b.y, width: b.width, height: b.height } : null;
      }
      return null;
    },
    { name, text },
  );
}

/** The page's DOM as its own scripts serialize it, without our one host element (its content is in a shadow root and never serialized). */
export function serializedDom(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML.replace(/<coder-lens-ui[^>]*><\/coder-lens-ui>/g, ''));
}

type CdpContext = { id: number; name: string; auxData?: { frameId?: string; type?: string; isDefault?: boolean } };

/**
 * Evaluates an expression in the Coder Lens content script's isolated world of the page's top
 * frame (through the DevTools protocol), where `chrome.dom.openOrClosedShadowRoot` can open the
 * card's closed shadow root.
 */
export async function evaluateInContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: CdpContext[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: CdpContext }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = contexts.filter((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.name === 'Coder Lens').at(-1);
    if (!world) throw new Error(`No Coder Lens content script world in the page (worlds: ${contexts.map((c) => c.name || c.auxData?.type).join(', ')})`);
    const r = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  } finally {
    await cdp.detach();
  }
}

export interface CardState {
  shown: boolean;
  headings: string[];
  marks: string[];
  codes: string[];
  notes: string[];
  /** Elements in the card other than ours (markup from page text would show here). */
  foreignElements: number;
  openButton: { x: number; y: number } | null;
}

/** The card as the content script shows it (inside the closed shadow root of our host element). */
export function cardState(page: Page): Promise<CardState> {
  return evaluateInContentScript<CardState>(
    page,
    `(() => {
      const host = document.querySelector('coder-lens-ui');
      const root = host && chrome.dom.openOrClosedShadowRoot(host);
      const card = root && root.querySelector('.cl-card');
      if (!card || card.hidden) return { shown: false, headings: [], marks: [], codes: [], notes: [], foreignElements: 0, openButton: null };
      const texts = (sel) => [...card.querySelectorAll(sel)].map((e) => e.textContent);
      const open = card.querySelector('.cl-open');
      const b = open && open.getBoundingClientRect();
      const ours = new Set(['DIV', 'SECTION', 'UL', 'OL', 'LI', 'SPAN', 'BUTTON', 'P']);
      return {
        shown: true,
        headings: texts('.cl-heading'),
        marks: texts('.cl-mark'),
        codes: texts('.cl-code'),
        notes: texts('.cl-note'),
        foreignElements: [...card.querySelectorAll('*')].filter((e) => !ours.has(e.tagName)).length,
        openButton: b ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null,
      };
    })()`,
  );
}
