import type { ObjectStore } from '#domain/ports/object-store.js';

/** A stream that stops at the next chunk once its invocation was stopped, so a stopped step's artifact never completes. */
async function* guardedChunks(chunks: AsyncIterable<Uint8Array>, guard: () => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    guard();
    yield chunk;
  }
}

/**
 * The store as a function sees it: `guard` throws once the invocation was stopped at its
 * timeout, so a stopped invocation's writes are refused as Lambda's frozen sandbox would drop them.
 */
export function stopAwareStore(store: ObjectStore, guard: () => void): ObjectStore {
  return {
    head: (bucket, key) => store.head(bucket, key),
    get: (bucket, key) => store.get(bucket, key),
    stream: (bucket, key, options) => store.stream(bucket, key, options),
    list: (bucket, prefix) => store.list(bucket, prefix),
    put: async (bucket, key, body, options) => {
      guard();
      return store.put(bucket, key, body, options);
    },
    putStream: async (bucket, key, chunks, options) => {
      guard();
      return store.putStream(bucket, key, guardedChunks(chunks, guard), options);
    },
    copy: async (source, bucket, key, options) => {
      guard();
      return store.copy(source, bucket, key, options);
    },
    delete: async (bucket, key) => {
      guard();
      return store.delete(bucket, key);
    },
  };
}
