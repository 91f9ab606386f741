import { PreconditionFailedError, type ObjectStore } from '#domain/ports/object-store.js';
import type { Clock } from '#domain/ports/clock.js';

/** Where idempotency records live in the artifact bucket: `<prefix><function>/<event-id>.json`. */
export const IDEMPOTENCY_PREFIX = 'state/idempotency/';

export class IdempotencyInProgressError extends Error {
  override readonly name = 'IdempotencyInProgressError';
}

interface IdempotencyRecord {
  status: 'in_progress' | 'completed';
  expiresAt: string;
}

const decoder = new TextDecoder();

/**
 * Runs `work` at most once per key to completion, using conditional writes on the object store
 * (the same If-None-Match/If-Match S3 offers) instead of a database. A failure releases the key
 * so the retry runs again; a duplicate that arrives while the first is still running waits a
 * little for it, then gives up and lets the queue retry.
 */
export async function runOnce(
  deps: { store: ObjectStore; clock: Clock; bucket: string; sleep?: (ms: number) => Promise<void> },
  key: string,
  work: () => Promise<void>,
  options: { lockMs?: number; waitForPeerMs?: number } = {},
): Promise<'ran' | 'duplicate'> {
  const lockMs = options.lockMs ?? 5 * 60_000;
  const waitForPeerMs = options.waitForPeerMs ?? 2_000;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const record = (status: IdempotencyRecord['status']): string =>
    JSON.stringify({ status, expiresAt: new Date(deps.clock.now().getTime() + lockMs).toISOString() } satisfies IdempotencyRecord);

  const claimed = await claim(deps, key, record('in_progress'), sleep, waitForPeerMs);
  if (claimed === 'duplicate') return 'duplicate';
  try {
    await work();
  } catch (error) {
    await deps.store.delete(deps.bucket, key);
    throw error;
  }
  await deps.store.put(deps.bucket, key, record('completed'), { contentType: 'application/json' });
  return 'ran';
}

async function claim(
  deps: { store: ObjectStore; clock: Clock; bucket: string },
  key: string,
  body: string,
  sleep: (ms: number) => Promise<void>,
  waitForPeerMs: number,
): Promise<'claimed' | 'duplicate'> {
  const deadline = deps.clock.now().getTime() + waitForPeerMs;
  for (;;) {
    try {
      await deps.store.put(deps.bucket, key, body, { ifNoneMatch: '*', contentType: 'application/json' });
      return 'claimed';
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
    const existing = await deps.store.get(deps.bucket, key);
    if (!existing) continue; // released between our write and read: try again
    const current = JSON.parse(decoder.decode(existing.body)) as IdempotencyRecord;
    if (current.status === 'completed') return 'duplicate';
    if (Date.parse(current.expiresAt) <= deps.clock.now().getTime()) {
      // The holder died mid-work: take the key over, unless someone else just did.
      try {
        await deps.store.put(deps.bucket, key, body, { ifMatch: existing.head.etag, contentType: 'application/json' });
        return 'claimed';
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
    }
    if (deps.clock.now().getTime() >= deadline) throw new IdempotencyInProgressError(`${key} is being processed by another delivery`);
    await sleep(25);
  }
}

/** The claim a function takes before it handles one delivery of an event. */
export function claimKey(functionName: string, deliveryKey: string): string {
  return `${IDEMPOTENCY_PREFIX}${functionName}/${deliveryKey}.json`;
}

/**
 * Releases claims left in progress by a process that is gone. Only a runtime that owns its store
 * alone (the embedded runtime on open) may call this: nothing else can still be holding them.
 * It names the claims of the messages it is about to deliver again, the only ones a dead process
 * can have left in progress, so opening costs the same however many claims history holds.
 */
export async function releaseAbandonedClaims(store: ObjectStore, bucket: string, keys: Iterable<string>): Promise<number> {
  let released = 0;
  for (const key of new Set(keys)) {
    const object = await store.get(bucket, key);
    if (object && (JSON.parse(decoder.decode(object.body)) as IdempotencyRecord).status === 'in_progress') {
      await store.delete(bucket, key);
      released++;
    }
  }
  return released;
}
