const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts line breaks (LF, CRLF, a lone CR) in a byte stream chunk by chunk, so a problem found
 * at a byte offset can be told by its line. It runs on the runtime's native byte search: a pass
 * over a gigabyte costs a fraction of a second.
 */
export class LineCounter {
  private breaks = 0;
  private endedWithCr = false;

  add(chunk: Uint8Array): void {
    this.breaks += this.breaksIn(chunk, chunk.length);
    this.endedWithCr = chunk.length > 0 ? chunk[chunk.length - 1] === CR : this.endedWithCr;
  }

  /** The line (1-based) holding byte `at` of `chunk`, the chunk that follows those added. */
  lineAt(chunk: Uint8Array, at: number): number {
    return 1 + this.breaks + this.breaksIn(chunk, Math.min(at, chunk.length));
  }

  private breaksIn(chunk: Uint8Array, end: number): number {
    let breaks = 0;
    // A CR closing the last chunk was counted as a line end (chunk[i + 1] is undefined there); its LF here is the same break.
    const from = this.endedWithCr && chunk[0] === LF ? 1 : 0;
    for (let i = chunk.indexOf(LF, from); i !== -1 && i < end; i = chunk.indexOf(LF, i + 1)) breaks++;
    for (let i = chunk.indexOf(CR, from); i !== -1 && i < end; i = chunk.indexOf(CR, i + 1)) if (chunk[i + 1] !== LF) breaks++;
    return breaks;
  }
}
