/**
 * The unfinished tail of the previous chunk (a row or record cut by the chunk boundary), joined
 * with the next chunk so scanners always see whole rows. One buffer is reused for the whole
 * input, so memory stays bounded by the longest row, not the file.
 */
export class ChunkCarry {
  private work = new Uint8Array(0);
  /** Bytes of the previous chunk still waiting to be scanned. */
  carried = 0;
  /** Input bytes before the first byte of the current carry (for error positions). */
  consumed = 0;

  /** The bytes to scan: the chunk itself, or the carried tail followed by it. */
  join(chunk: Uint8Array): { bytes: Uint8Array; length: number } {
    if (this.carried === 0) return { bytes: chunk, length: chunk.length };
    const length = this.carried + chunk.length;
    if (this.work.length < length) {
      const bigger = new Uint8Array(Math.max(length, this.work.length * 2));
      bigger.set(this.work.subarray(0, this.carried));
      this.work = bigger;
    }
    this.work.set(chunk, this.carried);
    return { bytes: this.work, length };
  }

  /** Keeps `bytes[done, length)` for the next chunk; `chunk` is what was passed to join. */
  keep(joined: { bytes: Uint8Array; length: number }, chunk: Uint8Array, done: number): void {
    const rest = joined.length - done;
    if (joined.bytes === this.work) this.work.copyWithin(0, done, joined.length);
    else {
      if (this.work.length < rest) this.work = new Uint8Array(Math.max(rest, 64 * 1024));
      this.work.set(chunk.subarray(done));
    }
    this.carried = rest;
    this.consumed += done;
  }

  /** The carried tail, for the last scan at the end of the input. */
  tail(): Uint8Array {
    return this.work;
  }
}
