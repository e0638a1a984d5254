/**
 * Page order of nodes across shadow roots (compareDocumentPosition alone calls nodes in
 * different trees "disconnected"): a node in a shadow tree sits where its host is, after it.
 */

/** The node, then the host of its shadow root, then that host's host…, ending in the document tree. */
function treePath(node: Node): Node[] {
  const path = [node];
  for (let r = node.getRootNode(); r instanceof ShadowRoot; r = path[path.length - 1].getRootNode()) path.push(r.host);
  return path.reverse();
}

/** Negative when `a` comes before `b` in the page, positive after, 0 for the same node or no order. */
export function comparePageOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  if (a.getRootNode() === b.getRootNode()) return order(a, b);
  const pa = treePath(a);
  const pb = treePath(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  // One is a host of the other's tree: the host comes first.
  if (i === pa.length) return -1;
  if (i === pb.length) return 1;
  return order(pa[i], pb[i]);
}

function order(a: Node, b: Node): number {
  const pos = a.compareDocumentPosition(b);
  if (pos & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
  return pos & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY) ? -1 : 1;
}

/** Whether `node` is `root` or inside it, across shadow roots. */
export function composedContains(root: Node, node: Node): boolean {
  let n: Node | null = node;
  while (n) {
    if (root.contains(n)) return true;
    const r = n.getRootNode();
    n = r instanceof ShadowRoot ? r.host : null;
  }
  return false;
}
