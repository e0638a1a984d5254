/**
 * A trie over word ids flattened into typed arrays: plain data that survives structured cloning
 * (IndexedDB, postMessage) and costs no per-node objects. A node's children sit in one sorted
 * run of the edge arrays, found by binary search; the root, which has a child for most words,
 * gets a direct table when a matcher is created (`rootTable`).
 */

export interface WordTrie {
  /** Start of node n's children in the edge arrays; one more entry than nodes. */
  edgeStart: Uint32Array;
  /** Word id of each edge, ascending within a node. */
  edgeWord: Uint32Array;
  /** Child node of each edge. */
  edgeNode: Uint32Array;
  /** Value at each node (a phrase or reading id), -1 for none. */
  nodeValue: Int32Array;
}

export const TRIE_ROOT = 0;
/** Word ids stay below 2^24. */
const WORD_SPAN = 16_777_216;

/**
 * Builds a trie of word-id sequences; a sequence added twice keeps its first value. Nodes are
 * numbered breadth first over the sorted sequences, so each node's children are one sorted run.
 * `sortedOrder` (the sequences' indices in sorted order) saves the sort when the caller has it.
 */
export function buildWordTrie(sequences: ReadonlyArray<ArrayLike<number>>, values: ArrayLike<number>, sortedOrder?: ArrayLike<number>): WordTrie {
  let order: number[];
  if (sortedOrder) order = Array.from(sortedOrder).filter((i) => sequences[i].length > 0);
  else {
    order = Array.from({ length: sequences.length }, (_, i) => i).filter((i) => sequences[i].length > 0);
    order.sort((a, b) => compareSequences(sequences[a], sequences[b]) || a - b);
  }
  const edgeStart: number[] = [0];
  const edgeWord: number[] = [];
  const edgeNode: number[] = [];
  const nodeValue: number[] = [-1];
  // Each queued node is a run of the sorted sequences sharing its prefix of `depth` words.
  const queueLo: number[] = [0];
  const queueHi: number[] = [order.length];
  const queueDepth: number[] = [0];
  for (let n = 0; n < queueLo.length; n++) {
    const depth = queueDepth[n];
    let i = queueLo[n];
    const hi = queueHi[n];
    // Sequences that end here come first in sorted order: the first one gives the node's value.
    if (i < hi && sequences[order[i]].length === depth) {
      nodeValue[n] = values[order[i]];
      while (i < hi && sequences[order[i]].length === depth) i++;
    }
    while (i < hi) {
      const word = sequences[order[i]][depth];
      if (word >= WORD_SPAN) throw new Error(`word id ${word} is beyond the trie's range`);
      let j = i + 1;
      while (j < hi && sequences[order[j]][depth] === word) j++;
      edgeWord.push(word);
      edgeNode.push(queueLo.length);
      nodeValue.push(-1);
      queueLo.push(i);
      queueHi.push(j);
      queueDepth.push(depth + 1);
      i = j;
    }
    edgeStart.push(edgeWord.length);
  }
  return { edgeStart: Uint32Array.from(edgeStart), edgeWord: Uint32Array.from(edgeWord), edgeNode: Uint32Array.from(edgeNode), nodeValue: Int32Array.from(nodeValue) };
}

function compareSequences(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The child of `node` along `word`, or -1. */
export function trieChild(trie: WordTrie, node: number, word: number): number {
  let lo = trie.edgeStart[node];
  let hi = trie.edgeStart[node + 1] - 1;
  const words = trie.edgeWord;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const w = words[mid];
    if (w === word) return trie.edgeNode[mid];
    if (w < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The node reached by a whole sequence from the root, or -1. */
export function trieWalk(trie: WordTrie, seq: ArrayLike<number>): number {
  let node = TRIE_ROOT;
  for (let i = 0; i < seq.length && node >= 0; i++) node = trieChild(trie, node, seq[i]);
  return node;
}

/** The root's children as a direct table by word id (-1 for none), for the hot first step. */
export function rootTable(trie: WordTrie, words: number): Int32Array {
  const table = new Int32Array(words).fill(-1);
  for (let e = trie.edgeStart[TRIE_ROOT]; e < trie.edgeStart[TRIE_ROOT + 1]; e++) table[trie.edgeWord[e]] = trie.edgeNode[e];
  return table;
}
