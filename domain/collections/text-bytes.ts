const encoder = new TextEncoder();
/** Small enough that hundreds of partly filled ones (a lake's partitions) waste little. */
const BLOCK_BYTES = 64 * 1024;

/**
 * Text kept as UTF-8 bytes in blocks rather than as strings: a line cut from a large decoded
 * chunk may keep the whole chunk alive for as long as the line is held, and text held for a long
 * time (a partition's buffer) would then pin every chunk it came from.
 */
export class TextBytes {
  private readonly blocks: Uint8Array[] = [];
  /** Bytes filled in each block. */
  private readonly filled: number[] = [];
  private total = 0;

  get byteLength(): number {
    return this.total;
  }

  append(text: string): void {
    if (this.blocks.length === 0) this.newBlock(text.length);
    let rest = text;
    for (;;) {
      const last = this.blocks.length - 1;
      const { read, written } = encoder.encodeInto(rest, this.blocks[last]!.subarray(this.filled[last]!));
      this.filled[last]! += written;
      this.total += written;
      if (read === rest.length) return;
      // The block cannot take the next character whole: the rest goes to a block that takes it all.
      rest = rest.slice(read);
      this.newBlock(rest.length);
    }
  }

  /** UTF-8 takes at most 3 bytes per UTF-16 code unit, so a block this size takes the text whole. */
  private newBlock(forCodeUnits: number): void {
    this.blocks.push(new Uint8Array(Math.max(BLOCK_BYTES, forCodeUnits * 3)));
    this.filled.push(0);
  }

  /** Everything appended, as one array. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.total);
    let at = 0;
    this.blocks.forEach((block, i) => {
      out.set(block.subarray(0, this.filled[i]!), at);
      at += this.filled[i]!;
    });
    return out;
  }
}
