import type { EventPublisher } from '#domain/ports/event-publisher.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { QueueControl } from '#functions/shared/function-ports.js';

/** Loads once, on first use; a failed load is tried again on the next use. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * An object store whose adapter, and the AWS SDK behind it, is imported on first use: a cold
 * start builds its handler without parsing the SDK, and the first record pays for it once.
 */
export function deferredObjectStore(load: () => Promise<ObjectStore>): ObjectStore {
  const store = once(load);
  return {
    head: async (bucket, key) => (await store()).head(bucket, key),
    get: async (bucket, key) => (await store()).get(bucket, key),
    stream: async (bucket, key, options) => (await store()).stream(bucket, key, options),
    put: async (bucket, key, body, options) => (await store()).put(bucket, key, body, options),
    putStream: async (bucket, key, chunks, options) => (await store()).putStream(bucket, key, chunks, options),
    copy: async (source, bucket, key, options) => (await store()).copy(source, bucket, key, options),
    list: async (bucket, prefix) => (await store()).list(bucket, prefix),
    delete: async (bucket, key) => (await store()).delete(bucket, key),
  };
}

/** An event publisher whose adapter (and SDK) is imported on first use. */
export function deferredPublisher(load: () => Promise<EventPublisher>): EventPublisher {
  const publisher = once(load);
  return { publish: async (events) => (await publisher()).publish(events) };
}

/** Queue control whose adapter (and SDK) is imported on first use: only a failing step needs it. */
export function deferredQueueControl(load: () => Promise<QueueControl>): QueueControl {
  const control = once(load);
  return { deferRetry: async (message, seconds) => (await control()).deferRetry(message, seconds) };
}
