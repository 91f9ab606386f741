/**
 * At least `atLeast` bytes from the start of the stream (fewer when it is shorter, more when a
 * chunk runs past), and the stream whole again. The head is a copy: callers may reuse buffers.
 */
export async function peekBytes(
  chunks: AsyncIterable<Uint8Array>,
  atLeast: number,
): Promise<{ head: Uint8Array; complete: boolean; chunks: AsyncGenerator<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let length = 0;
  let complete = false;
  while (length < atLeast) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    taken.push(next.value.slice());
    length += next.value.length;
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const chunk of taken) {
    head.set(chunk, at);
    at += chunk.length;
  }
  return {
    head,
    complete,
    chunks: (async function* () {
      if (head.length > 0) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  };
}
