const LF = 0x0a;
const CR = 0x0d;

/**
 * The first place at or after `boundary` where a line begins: right after an LF, or after a CR
 * not followed by an LF (a CRLF is never split). `chunks` are the input's bytes from
 * `boundary - 1` on (from 0 when the boundary is 0), so the byte before the boundary is seen.
 * Returns the input's length when no line begins after the boundary.
 *
 * This is a guess when the boundary may fall inside a quoted field that holds line breaks; see
 * shard-chain.ts for how a wrong guess is caught.
 */
export async function lineStartAtOrAfter(boundary: number, chunks: AsyncIterable<Uint8Array>): Promise<number> {
  if (boundary === 0) return 0;
  let offset = boundary - 1;
  let pendingCr = false;
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++, offset++) {
      const byte = chunk[i]!;
      if (pendingCr) {
        // The CR at offset - 1 ends a line unless this byte is its LF.
        if (byte !== LF && offset >= boundary) return offset;
        pendingCr = false;
      }
      if (byte === LF && offset + 1 >= boundary) return offset + 1;
      if (byte === CR) pendingCr = true;
    }
  }
  return offset;
}
