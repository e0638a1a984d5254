import { SaxesParser } from 'saxes';
import { CodesetError } from './errors';

/** A parsed XML element: enough of a DOM for the official release files, nothing more. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** Child elements in document order. */
  children: XmlElement[];
  /** Text and child elements in document order (index titles mix text with `<nemod>`). */
  nodes: Array<string | XmlElement>;
  line: number;
}

/**
 * Parses a whole XML document strictly (saxes is a conforming, non-validating parser), so a
 * truncated or garbled file fails with the line where it broke instead of yielding partial data.
 */
export function parseXml(text: string, file: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;

  parser.on('error', (err) => {
    failure ??= err.message;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: {}, children: [], nodes: [], line: parser.line };
    for (const [k, v] of Object.entries(tag.attributes)) el.attrs[k] = typeof v === 'string' ? v : v.value;
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.children.push(el);
      parent.nodes.push(el);
    } else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.nodes.push(t);
  });

  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= err instanceof Error ? err.message : String(err);
  }
  if (failure) throw new CodesetError(file, `malformed or truncated XML (${failure.replace(/^undefined:/, 'line ')})`);
  if (!root) throw new CodesetError(file, 'no XML root element found');
  return root;
}

/** The element's own direct text (not its children's), whitespace-collapsed. */
export function ownText(el: XmlElement): string {
  return collapse(el.nodes.filter((n): n is string => typeof n === 'string').join(''));
}

/** All text under the element in document order, whitespace-collapsed. */
export function deepText(el: XmlElement): string {
  const parts: string[] = [];
  const walk = (e: XmlElement) => {
    for (const n of e.nodes) typeof n === 'string' ? parts.push(n) : walk(n);
  };
  walk(el);
  return collapse(parts.join(''));
}

/** First child element with this name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** All child elements with this name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Text of the first child element with this name, or '' when absent. */
export function childText(el: XmlElement, name: string): string {
  const c = child(el, name);
  return c ? deepText(c) : '';
}

/** Throws a clear error unless the document root is the expected official root element. */
export function expectRoot(root: XmlElement, expected: string, file: string): void {
  if (root.name !== expected)
    throw new CodesetError(file, `expected an XML document with root <${expected}> but found <${root.name}>`);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
