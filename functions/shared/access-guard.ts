import type { EventDraft } from '#events/platform-event.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import { functionAccess, keyMatches, PUBLISHED_SOURCE, type FunctionAccess } from './function-access.js';
import type { FunctionPorts } from './function-ports.js';

/** A function tried what its cloud role would refuse. */
export class AccessDeniedError extends Error {
  override readonly name = 'AccessDeniedError';
}

/**
 * The ports of function `target`, refusing what its role does not allow (function-access.ts):
 * the same refusals in the embedded runtime, in `serve` and in Lambda, so a missing grant shows
 * up as a failing journey in tests rather than as an AccessDenied after a deploy.
 */
export function withinAccess(target: string, ports: FunctionPorts): FunctionPorts {
  const access = functionAccess(ports.registry)[target];
  if (!access) throw new Error(`routing target ${target} has no declared access`);
  return {
    ...ports,
    store: guardedStore(target, access, ports),
    publisher: { publish: async (events) => ports.publisher.publish(allowedEvents(target, access, events)) },
  };
}

function allowedEvents(target: string, access: FunctionAccess, events: readonly EventDraft[]): readonly EventDraft[] {
  for (const event of events) {
    if (event.source !== PUBLISHED_SOURCE || !access.publishes.includes(event.detailType)) {
      throw new AccessDeniedError(`${target} may not publish ${event.source}/${event.detailType} (it publishes: ${access.publishes.join(', ') || 'nothing'})`);
    }
  }
  return events;
}

type Operation = 'read' | 'write' | 'delete';

function guardedStore(target: string, access: FunctionAccess, ports: FunctionPorts): ObjectStore {
  const { store, config } = ports;
  const check = (operation: Operation, bucket: string, key: string) => {
    if (bucket === config.artifactBucket) {
      if (keyMatches(access.artifacts[operation], key)) return;
    } else if (bucket === config.uploadBucket) {
      if (operation === 'read' && access.readsUploads) return;
    } else {
      return; // buckets of no stage: not this guard's business
    }
    throw new AccessDeniedError(`${target} may not ${operation} s3://${bucket}/${key}`);
  };
  return {
    async head(bucket, key) {
      check('read', bucket, key);
      return store.head(bucket, key);
    },
    async get(bucket, key) {
      check('read', bucket, key);
      return store.get(bucket, key);
    },
    async stream(bucket, key, options) {
      check('read', bucket, key);
      return store.stream(bucket, key, options);
    },
    async put(bucket, key, body, options) {
      check('write', bucket, key);
      return store.put(bucket, key, body, options);
    },
    async putStream(bucket, key, chunks, options) {
      check('write', bucket, key);
      return store.putStream(bucket, key, chunks, options);
    },
    async copy(source, bucket, key, options) {
      check('read', source.bucket, source.key);
      check('write', bucket, key);
      return store.copy(source, bucket, key, options);
    },
    async delete(bucket, key) {
      check('delete', bucket, key);
      return store.delete(bucket, key);
    },
    // ListBucket is granted on the artifact bucket (so a missing key reads as absent, not denied).
    async list(bucket, prefix) {
      if (bucket === config.uploadBucket && !access.readsUploads) throw new AccessDeniedError(`${target} may not list s3://${bucket}/${prefix}`);
      return store.list(bucket, prefix);
    },
  };
}
