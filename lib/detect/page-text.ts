/**
 * Page text as the detector reads it: the text of a page's nodes joined the way the page shows it,
 * cut into bounded chunks, with a way back from a mention's offsets to the nodes and offsets it
 * came from. Generic over the node type, so it runs in Node without a DOM.
 *
 * Whitespace is collapsed as HTML renders it (source line breaks and indentation become one
 * space) and block boundaries become line breaks: the sentence splitter reads a line break as the
 * end of a sentence or a heading on its own line, which is what a block boundary is on screen.
 */
import { PAGE_LIMITS } from './page-types';

/** Where a chunk's text came from: chunk[start, end) is node text at raw offsets `rawAt(i)`. */
export interface ChunkSegment<N> {
  node: N;
  /** Offsets in the chunk text. */
  start: number;
  end: number;
  /** Raw offset in the node's text of each chunk character start..end-1, or null when they are start..end shifted by `rawStart`. */
  map: number[] | null;
  rawStart: number;
}

export interface TextChunkOf<N> {
  text: string;
  segments: ChunkSegment<N>[];
}

/** A mention's part in one node: node text [start, end). */
export interface NodeSpan<N> {
  node: N;
  start: number;
  end: number;
}

export type BreakKind = 'line' | 'paragraph';

export interface ChunkBuilder<N> {
  /** Adds a node's text; `pre` keeps its whitespace as it is (a textarea, `<pre>`). */
  addText(node: N, raw: string, pre?: boolean): void;
  /** A block boundary (`line`) or a break that ends a paragraph (`paragraph`: blank line). */
  addBreak(kind?: BreakKind): void;
  /** The chunks so far, the last one closed. */
  finish(): TextChunkOf<N>[];
}

const isCollapsible = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;

/**
 * Builds chunks of at most `maxChars` characters. A chunk is cut at the last break when it is in
 * the second half of the chunk (so a paragraph is rarely split), otherwise between nodes, and a
 * single longer text is cut at a space.
 */
export function createChunkBuilder<N>(maxChars: number = PAGE_LIMITS.chunkChars): ChunkBuilder<N> {
  if (maxChars < 16) throw new RangeError('maxChars must be at least 16');
  const chunks: TextChunkOf<N>[] = [];
  let parts: string[] = [];
  let length = 0;
  let segments: ChunkSegment<N>[] = [];
  /** Chunk offset just after the last break, or -1. */
  let lastBreak = -1;
  /** Ends in whitespace (or is empty): a collapsible space that follows is dropped. */
  let atSpace = true;
  /** Break owed before the next text (breaks are written lazily, never at a chunk's start or end). */
  let owed: BreakKind | null = null;

  const text = () => {
    if (parts.length > 1) parts = [parts.join('')];
    return parts[0] ?? '';
  };

  function close(): void {
    if (length === 0) return;
    chunks.push({ text: text(), segments });
    parts = [];
    length = 0;
    segments = [];
    lastBreak = -1;
    atSpace = true;
  }

  /** Moves everything after chunk offset `at` into a new chunk. */
  function cutAt(at: number): void {
    const all = text();
    const keep = segments.filter((s) => s.end <= at);
    const move = segments.filter((s) => s.end > at);
    chunks.push({ text: all.slice(0, at).trimEnd(), segments: keep });
    const rest = all.slice(at);
    const skip = rest.length - rest.trimStart().length;
    parts = [rest.slice(skip)];
    length = parts[0].length;
    const shift = at + skip;
    segments = move.map((s) => rebase(s, shift));
    lastBreak = -1;
    atSpace = length === 0 || isCollapsible(parts[0].charCodeAt(length - 1));
  }

  function writeBreak(): void {
    if (!owed) return;
    const s = owed === 'paragraph' ? '\n\n' : '\n';
    owed = null;
    if (length === 0) return;
    // A space before a line break would only be noise.
    if (atSpace && length > 0) {
      const t = text();
      if (t.charCodeAt(length - 1) === 0x20) {
        parts = [t.slice(0, -1)];
        length--;
        for (const seg of segments) if (seg.end > length) seg.end = length;
      }
    }
    parts.push(s);
    length += s.length;
    lastBreak = length;
    atSpace = true;
  }

  function append(node: N, s: string, map: number[] | null, rawStart: number): void {
    if (!s) return;
    segments.push({ node, start: length, end: length + s.length, map, rawStart });
    parts.push(s);
    length += s.length;
    atSpace = isCollapsible(s.charCodeAt(s.length - 1));
  }

  return {
    addText(node, raw, pre = false) {
      const collapsed = pre ? { text: raw, map: null as number[] | null } : collapseWhitespace(raw, atSpace || owed !== null);
      if (!collapsed.text || (!pre && collapsed.text === ' ' && (atSpace || owed !== null))) return;
      writeBreak();
      let from = 0;
      const all = collapsed.text;
      while (from < all.length) {
        const room = maxChars - length;
        if (all.length - from <= room) {
          appendPiece(node, all, collapsed.map, from, all.length);
          break;
        }
        if (length > 0 && lastBreak > maxChars / 2) {
          cutAt(lastBreak);
          continue;
        }
        if (length > 0 && all.length - from <= maxChars) {
          close();
          continue;
        }
        // One text longer than the room left: cut it at the last space that fits.
        let cut = from + room;
        const space = all.lastIndexOf(' ', cut);
        if (space > from + room / 2) cut = space + 1;
        appendPiece(node, all, collapsed.map, from, cut);
        close();
        from = cut;
      }
    },
    addBreak(kind = 'line') {
      if (owed !== 'paragraph') owed = kind;
    },
    finish() {
      owed = null;
      close();
      return chunks;
    },
  };

  function appendPiece(node: N, all: string, map: number[] | null, from: number, to: number): void {
    const piece = all.slice(from, to);
    append(node, piece, map ? map.slice(from, to) : null, map ? 0 : from);
  }
}

function rebase<N>(s: ChunkSegment<N>, shift: number): ChunkSegment<N> {
  if (s.start >= shift) return { ...s, start: s.start - shift, end: s.end - shift };
  // The segment straddles the cut (only leading whitespace of the moved part can be dropped).
  const drop = shift - s.start;
  return {
    node: s.node,
    start: 0,
    end: s.end - shift,
    map: s.map ? s.map.slice(drop) : null,
    rawStart: s.map ? 0 : s.rawStart + drop,
  };
}

/**
 * Collapses runs of collapsible whitespace to one space, as HTML renders normal text; a leading
 * run is dropped when `afterSpace`. `map[i]` is the raw offset of output character i (null when
 * nothing changed).
 */
export function collapseWhitespace(raw: string, afterSpace: boolean): { text: string; map: number[] | null } {
  let changed = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isCollapsible(c) && (c !== 0x20 || (i === 0 ? afterSpace : isCollapsible(raw.charCodeAt(i - 1))))) {
      changed = true;
      break;
    }
  }
  if (!changed) return { text: raw, map: null };
  const out: string[] = [];
  const map: number[] = [];
  let space = afterSpace;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isCollapsible(c)) {
      if (space) continue;
      space = true;
      out.push(' ');
    } else {
      space = false;
      out.push(raw[i]);
    }
    map.push(i);
  }
  return { text: out.join(''), map };
}

const rawOffset = <N>(s: ChunkSegment<N>, chunkOffset: number): number => {
  const i = chunkOffset - s.start;
  return s.map ? s.map[i] : s.rawStart + i;
};

/**
 * The node spans of chunk text [start, end): one per node it covers, in order. Characters that
 * are not in any segment (break characters) are skipped.
 */
export function spansOf<N>(chunk: TextChunkOf<N>, start: number, end: number): NodeSpan<N>[] {
  const out: NodeSpan<N>[] = [];
  if (end <= start) return out;
  // Segments are in chunk order: binary search the first one ending after `start`.
  const segs = chunk.segments;
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < segs.length && segs[k].start < end; k++) {
    const s = segs[k];
    const a = Math.max(start, s.start);
    const b = Math.min(end, s.end);
    if (b <= a) continue;
    out.push({ node: s.node, start: rawOffset(s, a), end: rawOffset(s, b - 1) + 1 });
  }
  return out;
}

/** The words around chunk text [start, end), on one line, at most `max` characters. */
export function snippetAround(text: string, start: number, end: number, max: number = PAGE_LIMITS.snippetChars): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const room = Math.max(0, max - (end - start));
  let a = Math.max(lineStart, start - Math.ceil(room / 2));
  const b = Math.min(lineEnd, end + (room - (start - a)));
  a = Math.max(lineStart, Math.min(a, b - max));
  let s = text.slice(a, b);
  if (a > lineStart) s = `…${s.replace(/^\S*\s/, '')}`;
  if (b < lineEnd) s = `${s.replace(/\s\S*$/, '')}…`;
  return s.trim().slice(0, max + 2);
}
