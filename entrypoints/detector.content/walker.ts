/**
 * Walks the rendered text of a DOM subtree into a chunk builder: the composed tree (open shadow
 * roots in place of their host's children, slots replaced by what is assigned to them), skipping
 * what is not shown or not the record's text (lib/detect/page-walk.ts decides), reading the value
 * of read-only fields. A generator, so the scanner can stop it between small steps.
 */
import type { ChunkBuilder } from '../../lib/detect/page-text';
import { boundaryOf, decideElement, keepsWhitespace } from '../../lib/detect/page-walk';

/** What a chunk's text comes from: a text node, or the value of a read-only field. */
export type ScanNode = Text | HTMLInputElement | HTMLTextAreaElement;

export interface WalkHooks {
  isOurs(el: Element): boolean;
  /** An open shadow root on the way (to observe and to style). */
  onShadowRoot(root: ShadowRoot): void;
  /** An element skipped because it is not rendered (it may be shown later). */
  onHidden(el: Element): void;
}

/** Nodes walked between two chances to stop. */
const STEP = 16;

type Item = Node | 'line' | 'paragraph';

export function* walkText(root: Node, out: ChunkBuilder<ScanNode>, hooks: WalkHooks): Generator<void, void, void> {
  const stack: Item[] = [root];
  const preCache = new Map<Element, boolean>();
  let steps = 0;
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.addBreak(item);
      continue;
    }
    if (++steps % STEP === 0) yield;
    if (item.nodeType === Node.TEXT_NODE) {
      const text = item as Text;
      const data = text.data;
      if (!data) continue;
      out.addText(text, data, data.includes('\n') && keepsLines(text.parentElement, preCache));
      continue;
    }
    if (item.nodeType === Node.DOCUMENT_FRAGMENT_NODE || item.nodeType === Node.DOCUMENT_NODE) {
      pushChildren(stack, item.childNodes);
      continue;
    }
    if (item.nodeType !== Node.ELEMENT_NODE) continue;
    const el = item as HTMLElement;
    const visible = isRendered(el);
    const action = decideElement({
      tagName: el.tagName,
      hidden: el.hidden === true,
      visible,
      editable: el.isContentEditable === true,
      ours: hooks.isOurs(el),
      inputType: el instanceof HTMLInputElement ? el.type.toLowerCase() : undefined,
      readOnly: (el as HTMLInputElement).readOnly === true,
      disabled: (el as HTMLInputElement).disabled === true,
      focused: isFocused(el),
    });
    if (action === 'skip') {
      if (!visible || el.hidden) hooks.onHidden(el);
      continue;
    }
    if (action === 'field') {
      out.addBreak('line');
      out.addText(el as HTMLInputElement | HTMLTextAreaElement, (el as HTMLInputElement).value, el.tagName === 'TEXTAREA');
      out.addBreak('line');
      continue;
    }
    const boundary = boundaryOf(el.tagName);
    if (boundary !== 'none') {
      out.addBreak(boundary);
      stack.push(boundary);
    }
    if (el.shadowRoot) {
      hooks.onShadowRoot(el.shadowRoot);
      pushChildren(stack, el.shadowRoot.childNodes);
    } else if (el instanceof HTMLSlotElement) {
      const assigned = el.assignedNodes({ flatten: true });
      pushChildren(stack, assigned.length ? assigned : el.childNodes);
    } else pushChildren(stack, el.childNodes);
  }
}

function pushChildren(stack: Item[], nodes: ArrayLike<Node>): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
}

/** Text whose line breaks show on screen (white-space: pre and friends): read only when the text has one. */
function keepsLines(parent: Element | null, cache: Map<Element, boolean>): boolean {
  if (!parent) return false;
  let keep = cache.get(parent);
  if (keep === undefined) {
    keep = keepsWhitespace(parent.tagName, getComputedStyle(parent).whiteSpace);
    cache.set(parent, keep);
  }
  return keep;
}

/**
 * Rendered (not under display:none or content-visibility:hidden). checkVisibility() is false for
 * an element without a box of its own, which `display: contents` (every <slot>, many layout
 * wrappers) is although its children show: those are asked about one by one.
 */
export function isRendered(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function' || el.checkVisibility()) return true;
  return getComputedStyle(el).display === 'contents';
}

function isFocused(el: Element): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.activeElement === el;
}
