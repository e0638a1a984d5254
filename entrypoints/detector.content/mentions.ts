/**
 * The mentions live on this frame's page: each tied to the text it was found in (a StaticRange
 * over the text nodes, which costs the page nothing when its DOM changes), or to the read-only
 * field whose value holds it. Kept in page order without sorting: the mentions of a scanned root
 * arrive in page order and go where that root is.
 */
import { markOf } from '../../lib/detect/page-marks';
import type { NodeSpan } from '../../lib/detect/page-text';
import { PAGE_LIMITS, type FrameMention, type MentionMark } from '../../lib/detect/page-types';
import type { Mention } from '../../lib/detect/types';
import { comparePageOrder, composedContains } from './order';
import type { ScanNode } from './walker';

export interface FoundMention {
  mention: Mention;
  spans: NodeSpan<ScanNode>[];
  snippet: string;
}

export interface LiveMention {
  id: string;
  mention: Mention;
  mark: MentionMark;
  snippet: string;
  spans: NodeSpan<ScanNode>[];
  /** The highlighted text; null for a value in a read-only field. */
  range: StaticRange | null;
  field: HTMLInputElement | HTMLTextAreaElement | null;
}

export interface MentionSink {
  add(m: LiveMention): void;
  remove(m: LiveMention): void;
}

/** Where the mentions of a root being applied go (see `beginReplace`). */
export interface InsertPoint {
  readonly root: Node;
}

export interface MentionSet {
  /** Removes every mention inside `root` (and every one no longer in the page); new ones for `root` then go in with `add`. */
  beginReplace(root: Node): InsertPoint;
  /** Adds a found mention at the insert point (in the order found), unless its text changed since it was read. */
  add(at: InsertPoint, found: FoundMention): boolean;
  /** The mentions whose text includes position `offset` of a text node. */
  at(node: Node, offset: number): LiveMention[];
  inField(el: Element): LiveMention[];
  get(id: string): LiveMention | undefined;
  /** In page order. */
  all(): LiveMention[];
  clear(): void;
}

const isField = (n: ScanNode): n is HTMLInputElement | HTMLTextAreaElement => n.nodeType === Node.ELEMENT_NODE;
const textOf = (n: ScanNode) => (isField(n) ? n.value : n.data);
const squeeze = (s: string) => s.replace(/\s+/g, '');
const firstNode = (m: LiveMention) => m.spans[0].node;

interface Group {
  root: Node;
  list: LiveMention[];
}

interface Point extends InsertPoint {
  group: Group;
  index: number;
}

export function createMentionSet(sink: MentionSink): MentionSet {
  /** Disjoint scanned roots in page order, each with its mentions in page order. */
  let groups: Group[] = [];
  let flat: LiveMention[] | null = [];
  let count = 0;
  const byNode = new Map<Node, LiveMention[]>();
  const byId = new Map<string, LiveMention>();
  let next = 0;

  function index(m: LiveMention): void {
    byId.set(m.id, m);
    for (const s of m.spans) {
      const at = byNode.get(s.node);
      if (at) at.push(m);
      else byNode.set(s.node, [m]);
    }
  }

  function drop(m: LiveMention): void {
    sink.remove(m);
    byId.delete(m.id);
    count--;
    for (const s of m.spans) {
      const at = byNode.get(s.node)?.filter((x) => x !== m);
      if (at?.length) byNode.set(s.node, at);
      else byNode.delete(s.node);
    }
  }

  /** The found mention tied to the page as it is now, or null when its text changed since it was read. */
  function live(f: FoundMention): LiveMention | null {
    const { spans } = f;
    if (!spans.length) return null;
    for (const s of spans) if (!s.node.isConnected || textOf(s.node).length < s.end) return null;
    if (squeeze(spans.map((s) => textOf(s.node).slice(s.start, s.end)).join('')) !== squeeze(f.mention.text)) return null;
    const first = spans[0];
    const last = spans[spans.length - 1];
    const field = isField(first.node) ? first.node : null;
    let range: StaticRange | null = null;
    if (!field && !isField(last.node))
      range = new StaticRange({ startContainer: first.node, startOffset: first.start, endContainer: last.node, endOffset: last.end });
    return { id: `m${(next++).toString(36)}`, mention: f.mention, mark: markOf(f.mention.context), snippet: f.snippet, spans, range, field };
  }

  return {
    beginReplace(root) {
      flat = null;
      let container: Group | null = null;
      let at = 0;
      const kept: Group[] = [];
      for (const g of groups) {
        if (composedContains(root, g.root)) {
          g.list.forEach(drop);
          continue;
        }
        const inside = composedContains(g.root, root);
        const list: LiveMention[] = [];
        for (const m of g.list) {
          if (m.spans.some((s) => !s.node.isConnected) || (inside && m.spans.some((s) => composedContains(root, s.node)))) drop(m);
          else list.push(m);
        }
        g.list = list;
        // A root that left the page with everything in it.
        if (!list.length && !g.root.isConnected) continue;
        if (inside) {
          container = g;
          // The first kept mention after the root: binary search (the list is in page order).
          let lo = 0;
          let hi = list.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (comparePageOrder(firstNode(list[mid]), root) < 0) lo = mid + 1;
            else hi = mid;
          }
          at = lo;
        }
        kept.push(g);
      }
      groups = kept;
      if (!container) {
        container = { root, list: [] };
        let i = 0;
        while (i < groups.length && comparePageOrder(groups[i].root, root) < 0) i++;
        groups.splice(i, 0, container);
      }
      return { root, group: container, index: at } as Point;
    },
    add(point, found) {
      const p = point as Point;
      if (count >= PAGE_LIMITS.pageMentions || !groups.includes(p.group)) return false;
      const m = live(found);
      if (!m) return false;
      p.group.list.splice(p.index++, 0, m);
      count++;
      flat = null;
      index(m);
      sink.add(m);
      return true;
    },
    at(node, offset) {
      return (byNode.get(node) ?? []).filter((m) => m.spans.some((s) => s.node === node && offset >= s.start && offset <= s.end));
    },
    inField(el) {
      return byNode.get(el) ?? [];
    },
    get: (id) => byId.get(id),
    all() {
      flat ??= groups.flatMap((g) => g.list);
      return flat;
    },
    clear() {
      for (const g of groups) g.list.forEach((m) => sink.remove(m));
      groups = [];
      flat = [];
      count = 0;
      byNode.clear();
      byId.clear();
    },
  };
}

/** The mention as the frame reports it to the background (bounded as the protocol requires). */
export function toFrameMention(m: LiveMention): FrameMention {
  const cut = (s: string) => s.slice(0, PAGE_LIMITS.fieldChars);
  const { mention } = m;
  return {
    start: mention.start,
    end: mention.end,
    text: cut(mention.text),
    kind: mention.kind,
    concept: cut(mention.concept),
    codes: mention.codes
      .slice(0, PAGE_LIMITS.codesPerMention)
      .map(({ system, code, display, title, valid }) => ({ system, code, display, title: cut(title), valid })),
    ...(mention.codeStatus ? { codeStatus: mention.codeStatus } : {}),
    context: {
      negated: mention.context.negated,
      uncertain: mention.context.uncertain,
      historical: mention.context.historical,
      experiencer: mention.context.experiencer,
      triggers: mention.context.triggers
        .slice(0, PAGE_LIMITS.triggersPerMention)
        .map(({ kind, text, start, end, source }) => ({ kind, text: cut(text), start, end, source })),
    },
    id: m.id,
    readOnlyField: m.field !== null,
    snippet: m.snippet.slice(0, PAGE_LIMITS.snippetChars),
  };
}
