/**
 * The stream's first `count` bytes, as chunks, the source closed once they are read: a prefix of
 * a stored object without reading the rest of it.
 */
export async function* firstBytes(chunks: AsyncIterable<Uint8Array>, count: number): AsyncGenerator<Uint8Array> {
  if (count <= 0) return;
  let left = count;
  for await (const chunk of chunks) {
    if (chunk.length >= left) {
      yield chunk.subarray(0, left);
      return;
    }
    left -= chunk.length;
    yield chunk;
  }
}
