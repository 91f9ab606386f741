import { withElement, type Membership } from './array-membership.js';
import { descendDotted, type PathIndex, type PathNode } from './path-index.js';
import type { Leaf } from './value-tests.js';

/**
 * The leaves of one event that some rule looks at, grouped by path slot. One instance is reused
 * for every event a rule set sees, so loading an event allocates only for leaves inside arrays of
 * objects (their memberships).
 */
export class EventLeaves {
  /** Leaves loaded per slot for the current event; entries past the count are stale. */
  readonly counts: Int32Array;
  readonly values: Leaf[][];
  readonly memberships: (Membership | undefined)[][];
  /** Whether any leaf sits inside an array element that is an object or array; if not, every leaf is unconstrained. */
  inArrayElements = false;
  /** Equals `generation` for slots holding at least one such leaf in the current event. */
  readonly constrainedAt: Int32Array;
  generation = 0;
  private nextArrayId = 0;

  constructor(private readonly paths: PathIndex) {
    const slots = paths.slotCount;
    this.counts = new Int32Array(slots);
    this.values = Array.from({ length: slots }, () => []);
    this.memberships = Array.from({ length: slots }, () => []);
    this.constrainedAt = new Int32Array(slots);
  }

  /** Whether some leaf at `slot` in the current event sits inside an array element. */
  isConstrained(slot: number): boolean {
    return this.constrainedAt[slot] === this.generation;
  }

  load(event: Record<string, unknown>): void {
    this.counts.fill(0);
    if (++this.generation === 0x7fffffff) {
      this.constrainedAt.fill(0);
      this.generation = 1;
    }
    this.inArrayElements = false;
    this.nextArrayId = 0;
    this.visitObject(event, this.paths.root, undefined);
  }

  private visitObject(object: Record<string, unknown>, node: PathNode, membership: Membership | undefined): void {
    const children = node.children;
    if (children === undefined) return;
    for (const key in object) {
      let child = children.get(key);
      if (child === undefined) {
        if (key.indexOf('.') < 0) continue;
        child = descendDotted(node, key);
        if (child === undefined) continue;
      }
      this.visit(object[key], child, membership);
    }
  }

  private visit(value: unknown, node: PathNode, membership: Membership | undefined): void {
    if (typeof value === 'object' && value !== null) {
      if (Array.isArray(value)) this.visitArray(value, node, membership);
      else this.visitObject(value as Record<string, unknown>, node, membership);
    } else if (node.slot >= 0 && isLeaf(value)) {
      const slot = node.slot;
      const count = this.counts[slot]!;
      this.values[slot]![count] = value;
      this.memberships[slot]![count] = membership;
      this.counts[slot] = count + 1;
      if (membership !== undefined) this.constrainedAt[slot] = this.generation;
    }
  }

  private visitArray(array: readonly unknown[], node: PathNode, membership: Membership | undefined): void {
    const arrayId = this.nextArrayId++;
    for (let index = 0; index < array.length; index++) {
      const element = array[index];
      if (typeof element === 'object' && element !== null) {
        // Elements that are objects only matter when a rule looks below this path.
        if (node.children === undefined && !Array.isArray(element)) continue;
        this.inArrayElements = true;
        this.visit(element, node, withElement(membership, arrayId, index));
      } else {
        this.visit(element, node, membership);
      }
    }
  }
}

function isLeaf(value: unknown): value is Leaf {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || value === null;
}
