/** A node per dotted-path prefix used by some rule; `slot` is set on paths that carry a condition. */
export interface PathNode {
  slot: number;
  children: Map<string, PathNode> | undefined;
}

/**
 * Assigns a slot number to each distinct condition path and keeps them as a trie of "."-separated
 * segments, so an event can be walked along the used keys only (event-ruler does the same pruning).
 * Paths are compared by their segments: since a path is just the keys joined with ".", the event
 * {"a.b": 1} and the event {"a": {"b": 1}} both reach the slot of "a.b", as they do in event-ruler.
 */
export class PathIndex {
  readonly root: PathNode = { slot: -1, children: undefined };
  private slots = 0;

  get slotCount(): number {
    return this.slots;
  }

  slotFor(path: string): number {
    let node = this.root;
    for (const segment of path.split('.')) node = childOf(node, segment);
    if (node.slot < 0) node.slot = this.slots++;
    return node.slot;
  }
}

function childOf(node: PathNode, segment: string): PathNode {
  node.children ??= new Map();
  let child = node.children.get(segment);
  if (child === undefined) {
    child = { slot: -1, children: undefined };
    node.children.set(segment, child);
  }
  return child;
}

/** Follows an event key that itself contains dots, segment by segment; undefined if no rule goes there. */
export function descendDotted(node: PathNode, key: string): PathNode | undefined {
  let current: PathNode | undefined = node;
  for (const segment of key.split('.')) {
    current = current.children?.get(segment);
    if (current === undefined) return undefined;
  }
  return current;
}
