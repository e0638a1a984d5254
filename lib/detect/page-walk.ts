/**
 * What the page scanner does with each element, decided from plain facts about it so the rules
 * are tested without a DOM. The content script gathers the facts; nothing here touches a page.
 */

/** The facts about an element the decision needs. */
export interface ElementFacts {
  /** Tag name in any case ("DIV", "div", "my-widget"). */
  tagName: string;
  /** The `hidden` attribute, or `aria-hidden="true"` on something that is also not rendered. */
  hidden: boolean;
  /** Rendered at all (false under display:none, visibility:hidden, content-visibility:hidden). */
  visible: boolean;
  /** Editable text (contenteditable, designMode): the user may be typing in it. */
  editable: boolean;
  /** Our own UI (the host element of our card and overlay). */
  ours: boolean;
  /** For input elements, the `type` (lower case, "" when absent). */
  inputType?: string;
  readOnly?: boolean;
  disabled?: boolean;
  /** Has focus (a field being edited, even a read-only one being selected in). */
  focused?: boolean;
}

/**
 * - `skip`: neither the element nor anything inside it is read;
 * - `field`: read the value of a read-only form field (it cannot be highlighted, only listed);
 * - `descend`: read its text and children.
 */
export type ElementAction = 'skip' | 'field' | 'descend';

/** Never text a reader sees: code, styles, templates, embedded documents (their frames run their own scanner), media. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio', 'picture', 'img',
  'svg', 'math', 'select', 'option', 'datalist', 'button',
]);

/** Input types whose value is free text worth reading. */
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);

/** Decides what the scanner does with an element. */
export function decideElement(f: ElementFacts): ElementAction {
  const tag = f.tagName.toLowerCase();
  if (f.ours || SKIP_TAGS.has(tag) || f.hidden || !f.visible) return 'skip';
  if (tag === 'input') return TEXT_INPUT_TYPES.has(f.inputType ?? '') && isReadOnlyField(f) ? 'field' : 'skip';
  if (tag === 'textarea') return isReadOnlyField(f) ? 'field' : 'skip';
  // Text the user is writing is theirs, not the record's; highlighting in it could disturb the editor.
  if (f.editable) return 'skip';
  return 'descend';
}

function isReadOnlyField(f: ElementFacts): boolean {
  return (f.readOnly === true || f.disabled === true) && f.focused !== true;
}

/**
 * Elements that start and end a block on screen (a line break in the text the detector reads).
 * Table cells count: a label cell and its value cell are two phrases, not one sentence.
 */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'input', 'textarea',
]);
/** Blocks after which a new paragraph starts (a blank line: the end of any list lead-in). */
const PARAGRAPH_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'table', 'ul', 'ol', 'dl', 'section', 'article', 'hr', 'pre', 'blockquote']);

/** How an element separates the text around it: none (inline), a line, or a paragraph. */
export function boundaryOf(tagName: string): 'none' | 'line' | 'paragraph' {
  const tag = tagName.toLowerCase();
  if (tag === 'br') return 'line';
  if (PARAGRAPH_TAGS.has(tag)) return 'paragraph';
  return BLOCK_TAGS.has(tag) ? 'line' : 'none';
}

/** Elements whose text keeps its line breaks and spaces as written. */
export function keepsWhitespace(tagName: string, whiteSpace?: string): boolean {
  if (tagName.toLowerCase() === 'pre' || tagName.toLowerCase() === 'textarea') return true;
  return whiteSpace === 'pre' || whiteSpace === 'pre-wrap' || whiteSpace === 'pre-line' || whiteSpace === 'break-spaces';
}

/**
 * Of a set of dirty roots (nodes whose content changed), the ones to scan: none inside another.
 * `contains(a, b)` is true when b is a or inside it (across shadow roots).
 */
export function outermostRoots<N>(roots: readonly N[], contains: (a: N, b: N) => boolean): N[] {
  const out: N[] = [];
  for (const r of roots) {
    if (out.some((o) => contains(o, r))) continue;
    for (let i = out.length - 1; i >= 0; i--) if (contains(r, out[i])) out.splice(i, 1);
    out.push(r);
  }
  return out;
}
