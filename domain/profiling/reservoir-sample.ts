import { SeededRandom } from '#domain/randomness/seeded-random.js';

/** A sample as plain data, to travel between threads or be stored as a step's partial result. */
export interface ReservoirSampleState {
  capacity: number;
  n: number;
  items: Float64Array;
  w: number;
  nextIndex: number;
  random: number;
}

/**
 * A uniform random sample of at most `capacity` numbers from a stream (Li's "Algorithm L",
 * which draws how many items to skip, so most items cost one counter decrement), used for
 * quantiles and histograms. Its rank error is distribution-free: by the
 * Dvoretzky–Kiefer–Wolfowitz inequality, P(any rank off by more than ε) ≤ 2·exp(−2·s·ε²) for a
 * sample of s, so 65,536 items keep every quantile within 1% rank with probability
 * 1 − 4.1·10⁻⁶. While the stream is no longer than the capacity the sample is the whole stream
 * and exact. Two samples merge by weighted resampling. The generator's seed is fixed: the same
 * input gives the same profile.
 */
export class ReservoirSample {
  /** Items offered. */
  n = 0;
  private items: Float64Array = new Float64Array(16);
  private size = 0;
  private random = new SeededRandom(0x51ced);
  private w = 0;
  private nextIndex = 0;
  private sortedItems: Float64Array | undefined;

  constructor(readonly capacity = 65_536) {}

  toState(): ReservoirSampleState {
    return { capacity: this.capacity, n: this.n, items: this.items.slice(0, this.size), w: this.w, nextIndex: this.nextIndex, random: this.random.position };
  }

  static fromState(state: ReservoirSampleState): ReservoirSample {
    const sample = new ReservoirSample(state.capacity);
    sample.n = state.n;
    sample.items = state.items.length > 0 ? state.items.slice() : new Float64Array(16);
    sample.size = state.items.length;
    sample.w = state.w;
    sample.nextIndex = state.nextIndex;
    sample.random = new SeededRandom(state.random);
    return sample;
  }

  /** Whether the sample holds every item offered (quantiles are then exact). */
  get exact(): boolean {
    return this.n <= this.capacity;
  }

  /** Items held: the sample's memory is this many doubles. */
  get retainedItems(): number {
    return this.size;
  }

  /** The largest rank error of any quantile, with probability 1 − 4.1·10⁻⁶ (0 while exact): 1% for 65,536 items. */
  get rankError(): number {
    return this.exact ? 0 : Math.sqrt(Math.log(2 / 4.1e-6) / (2 * this.capacity));
  }

  add(value: number): void {
    const n = ++this.n;
    if (n <= this.capacity) {
      if (this.size === this.items.length) this.items = growTo(this.items, Math.min(this.capacity, this.size * 2));
      this.items[this.size++] = value;
      if (n === this.capacity) this.drawSkip(true);
    } else if (n === this.nextIndex) {
      this.items[Math.floor(this.random.next() * this.capacity)] = value;
      this.drawSkip(false);
    } else return;
    this.sortedItems = undefined;
  }

  /** Offers values[0, count): only the items the skip lands on cost anything once the sample is full. */
  addBlock(values: Float64Array, count: number): void {
    let i = 0;
    while (i < count && this.n < this.capacity) this.add(values[i++]!);
    if (i === count) return;
    const first = this.n + 1; // the stream index of values[i]
    const last = this.n + count - i;
    while (this.nextIndex <= last) {
      this.items[Math.floor(this.random.next() * this.capacity)] = values[i + this.nextIndex - first]!;
      this.n = this.nextIndex;
      this.drawSkip(false);
    }
    this.n = last;
    this.sortedItems = undefined;
  }

  /** Nearest-rank quantile of the sample: the smallest item with at least q of the sample at or below it. */
  quantile(q: number): number | null {
    if (this.size === 0) return null;
    const sorted = this.sorted();
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  }

  /** The sample in ascending order (shared: do not modify). */
  sortedValues(): Float64Array {
    return this.sorted();
  }

  /** Estimated share of the stream strictly below `value` (at or below when `inclusive`). */
  fractionBelow(value: number, inclusive = false): number {
    const sorted = this.sorted();
    if (sorted.length === 0) return 0;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (inclusive ? sorted[mid]! <= value : sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo / sorted.length;
  }

  /**
   * Starts from a multiset given as distinct values and their counts, as if each copy had been
   * offered: all of them when they fit, else a uniform selection of `capacity` (Knuth's
   * selection sampling over the copies).
   */
  seedFromCounts(values: Float64Array, counts: Float64Array): void {
    let total = 0;
    for (const c of counts) total += c;
    if (total + this.n <= this.capacity) {
      values.forEach((v, i) => {
        for (let c = 0; c < counts[i]!; c++) this.add(v);
      });
      return;
    }
    if (this.n > 0) throw new Error('seedFromCounts needs an empty sample or room for every copy');
    this.items = new Float64Array(this.capacity);
    let chosen = 0;
    let seen = 0;
    for (let i = 0; i < values.length && chosen < this.capacity; i++) {
      for (let c = 0; c < counts[i]! && chosen < this.capacity; c++, seen++) {
        if ((total - seen) * this.random.next() < this.capacity - chosen) this.items[chosen++] = values[i]!;
      }
    }
    this.size = chosen;
    this.n = total;
    this.w = this.capacity / this.n;
    this.nextIndex = this.n;
    this.drawSkip(false, false);
    this.sortedItems = undefined;
  }

  /** Folds another sample of the same capacity in: each slot is drawn from either side in proportion to their streams. */
  merge(other: ReservoirSample): void {
    if (other.n === 0) return;
    if (this.n + other.n <= this.capacity) {
      for (let i = 0; i < other.size; i++) this.add(other.items[i]!);
      return;
    }
    // How many slots each side fills (one draw per slot, in proportion to their streams), then
    // that many of each side's items chosen uniformly: only the items taken are shuffled.
    const shareMine = this.n / (this.n + other.n);
    let fromMine = 0;
    for (let i = 0; i < this.capacity; i++) if (this.random.next() < shareMine) fromMine++;
    fromMine = Math.max(this.capacity - other.size, Math.min(fromMine, this.size));
    const merged = new Float64Array(this.capacity);
    merged.set(chooseUniformly(this.items.subarray(0, this.size), fromMine, this.random));
    merged.set(chooseUniformly(other.items.slice(0, other.size), this.capacity - fromMine, this.random), fromMine);
    this.items = merged;
    this.size = this.capacity;
    this.n += other.n;
    // Algorithm L's threshold after n items is about capacity/n: resume skipping from there.
    this.w = this.capacity / this.n;
    this.nextIndex = this.n;
    this.drawSkip(false, false);
    this.sortedItems = undefined;
  }

  private sorted(): Float64Array {
    this.sortedItems ??= this.items.slice(0, this.size).sort();
    return this.sortedItems;
  }

  /** Algorithm L: the index of the next item to keep, drawn once instead of a coin per item. */
  private drawSkip(restart: boolean, shrink = true): void {
    if (restart) this.w = Math.exp(Math.log(this.uniform()) / this.capacity);
    else if (shrink) this.w *= Math.exp(Math.log(this.uniform()) / this.capacity);
    this.nextIndex = Math.max(this.n, this.nextIndex) + Math.floor(Math.log(this.uniform()) / Math.log(1 - this.w)) + 1;
  }

  /** Uniform in (0, 1): logarithms of zero are avoided. */
  private uniform(): number {
    return 1 - this.random.next();
  }
}

function growTo(items: Float64Array, length: number): Float64Array {
  const bigger = new Float64Array(length);
  bigger.set(items);
  return bigger;
}

/** `count` of `items` chosen uniformly at random, moved to the front (a partial Fisher–Yates shuffle, in place). */
function chooseUniformly(items: Float64Array, count: number, random: SeededRandom): Float64Array {
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (items.length - i));
    const held = items[i]!;
    items[i] = items[j]!;
    items[j] = held;
  }
  return items.subarray(0, count);
}
