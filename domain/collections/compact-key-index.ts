/**
 * Dense ids (0, 1, 2, ...) for string keys, holding each key as a 64-bit hash in typed arrays
 * rather than as a string in a Map: about 16 bytes per key instead of the 80 or more a Map of
 * strings costs, so a pass can tell a policy, holder or claim it has seen before across tens of
 * millions of records in bounded, predictable memory.
 *
 * Two keys share an id only when both 32-bit halves of their hashes collide: among n keys the
 * chance that any pair does is about n^2 / 2^65 (3 in a million for ten million keys).
 */
export class CompactKeyIndex {
  /** id + 1 per slot, 0 for an empty slot; open addressing with linear probing. */
  private slots: Int32Array;
  /** The two hash halves of each id, in id order. */
  private halves: Uint32Array;
  private mask: number;
  private count = 0;
  /** Whether the last {@link idOf} call added its key. */
  added = false;

  constructor(expectedKeys = 1024) {
    const capacity = powerOfTwoAtLeast(Math.max(16, expectedKeys * 2));
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.halves = new Uint32Array(Math.max(32, expectedKeys * 2));
  }

  get size(): number {
    return this.count;
  }

  /** The key's id, adding it (and setting {@link added}) when it is new. */
  idOf(key: string): number {
    const [h1, h2] = hashString(key);
    let slot = h1 & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.halves[id * 2] === h1 && this.halves[id * 2 + 1] === h2) {
        this.added = false;
        return id;
      }
      slot = (slot + 1) & this.mask;
    }
    const id = this.count++;
    if (id * 2 + 2 > this.halves.length) this.halves = grown(this.halves, id * 2 + 2);
    this.halves[id * 2] = h1;
    this.halves[id * 2 + 1] = h2;
    this.slots[slot] = id + 1;
    this.added = true;
    // Kept at most half full so probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** The key's id, or -1 when it was never added. */
  find(key: string): number {
    const [h1, h2] = hashString(key);
    let slot = h1 & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.halves[id * 2] === h1 && this.halves[id * 2 + 1] === h2) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.halves[id * 2]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** `array` itself when it already has `length` elements, otherwise a copy at least that long (doubling, so appends stay amortised O(1)). */
export function grown<T extends TypedArray>(array: T, length: number): T {
  if (array.length >= length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Two independent 32-bit hashes of the UTF-16 code units (Murmur3-style mixing, different seeds). */
export function hashString(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x9e3779b1);
    b = (b << 15) | (b >>> 17);
  }
  return [finalize(a ^ key.length) >>> 0, finalize(b ^ 0x27d4eb2f) >>> 0];
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
