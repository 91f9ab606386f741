/**
 * A 64-bit hash as two 32-bit halves, computed without allocating: the profiler hashes every
 * cell (distinct counts, top-k, duplicate rows), so results land in `h1`/`h2` of a reused
 * instance. Murmur3-style mixing in two lanes with different seeds; HyperLogLog takes its
 * register index from `h1` and its rank from `h2`.
 */
export class Hash64 {
  h1 = 0;
  h2 = 0;
  /** Whether the last hashed bytes held anything beyond ASCII (their length in characters then differs). */
  nonAscii = false;
  /** Unicode code points in the last hashed bytes. */
  codePoints = 0;

  private readonly f64 = new Float64Array(1);
  private readonly u32 = new Uint32Array(this.f64.buffer);

  /** Hashes bytes[start, end) under a type tag, so the string "1" and the number 1 differ. */
  bytes(bytes: Uint8Array, start: number, end: number, tag: number): void {
    let a = 0x9747b28c ^ tag;
    let b = 0x5bd1e995 ^ Math.imul(tag, 0x85ebca6b);
    let high = 0;
    let continuation = 0;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const b0 = bytes[i]!;
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      const b3 = bytes[i + 3]!;
      const any = b0 | b1 | b2 | b3;
      if (any & 0x80) {
        high = 1;
        continuation += ((b0 & 0xc0) === 0x80 ? 1 : 0) + ((b1 & 0xc0) === 0x80 ? 1 : 0) + ((b2 & 0xc0) === 0x80 ? 1 : 0) + ((b3 & 0xc0) === 0x80 ? 1 : 0);
      }
      const k = b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
      a = mixLane(a, k);
      b = mixLane(b, Math.imul(k, 0x27d4eb2f) ^ 0x165667b1);
    }
    let tail = 0;
    for (let shift = 0; i < end; i++, shift += 8) {
      const byte = bytes[i]!;
      if (byte & 0x80) {
        high = 1;
        if ((byte & 0xc0) === 0x80) continuation++;
      }
      tail |= byte << shift;
    }
    const length = end - start;
    a = fmix32(a ^ Math.imul(tail, 0xcc9e2d51) ^ length);
    b = fmix32(b ^ Math.imul(tail ^ 0x1b873593, 0x2c1b3c6d) ^ Math.imul(length, 0x297a2d39));
    this.h1 = a;
    this.h2 = b;
    this.nonAscii = high === 1;
    this.codePoints = length - continuation;
  }

  /**
   * Hashes a number by value (1 and 1.0 and -0 and 0 are the same value) under a type tag.
   * Injective: equal halves mean equal doubles (h1 fixes the low word given the high word, and
   * h2 then fixes the high word), so distinct numbers never collide.
   */
  number(value: number, tag: number): void {
    this.f64[0] = value === 0 ? 0 : value;
    const lo = this.u32[0]!;
    const hi = this.u32[1]!;
    const h1 = fmix32(lo ^ Math.imul(hi ^ tag, 0x9e3779b1));
    this.h1 = h1;
    this.h2 = fmix32(Math.imul(h1 ^ hi, 0x85ebca6b) ^ 0x5bd1e995);
  }

  /**
   * A cheaper 64-bit hash for whole rows (duplicate detection only needs equal rows to hash
   * alike and different rows almost never to): one multiply per lane per four bytes.
   */
  row(bytes: Uint8Array, start: number, end: number): void {
    let a = 0x2f6b1c3d;
    let b = 0x7a315e29;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
      a = Math.imul(a ^ k, 0x9e3779b1);
      a = (a << 13) | (a >>> 19);
      b = Math.imul((b + k) | 0, 0x85ebca77) ^ (b >>> 15);
    }
    let tail = end - start;
    for (; i < end; i++) tail = Math.imul(tail ^ bytes[i]!, 0x01000193);
    this.h1 = fmix32(a ^ Math.imul(tail, 0xcc9e2d51));
    this.h2 = fmix32(b ^ Math.imul(tail ^ a, 0x1b873593));
  }
}

function mixLane(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Murmur3's finaliser: every input bit affects every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Type tags: values of different kinds never hash alike. */
export const HashTag = { string: 0x51, number: 0x6e, boolean: 0x62, datetime: 0x64 } as const;
