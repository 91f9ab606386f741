import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { ShardFailed } from '#domain/sharding/shard-chain.js';
import type { ShardAnswer, ShardTask, ShardTaskResult } from './shard-task.js';

/** Distributes over the task's kinds, so a caller hands a scan or a profile without an id. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The heap each shard worker is given. A shard's state is bounded (sketches and counts of a few
 * MiB, a batch of output text), but a worker left to V8's defaults sizes its heap for the
 * machine: a young generation of tens of MiB, and an old generation let grow to four times its
 * live size between collections (V8 grows a heap whose limit is under 2 GiB by less). On two
 * workers that came to about 100 MiB of the process's peak: process_file on a 1 GB mvp upload
 * peaked at 296-309 MiB with the defaults and 204-206 MiB with these caps, per step in two runs
 * each. The old-generation cap is still far above any shard state we measured (2 MiB profiled
 * for 64 MiB of rows); a worker that outgrows it is lost, not the read: the caller reads the
 * file in one pass instead.
 */
export interface ShardWorkerHeap {
  youngGenerationMb: number;
  oldGenerationMb: number;
}

export const SHARD_WORKER_HEAP: ShardWorkerHeap = { youngGenerationMb: 8, oldGenerationMb: 256 };

/** A worker died (out of memory at its heap cap, or killed): its shards are unread, not wrong, so the file is read in one pass. */
export class ShardWorkerLost extends Error {
  override readonly name = 'ShardWorkerLost';
}

/** Whether a sharded read failed because a worker died rather than because of what it read. */
export function lostAWorker(error: unknown): boolean {
  return error instanceof ShardWorkerLost || (error instanceof ShardFailed && error.cause instanceof ShardWorkerLost);
}

export interface ShardWorkers {
  read(task: WithoutId<ShardTask>): Promise<ShardAnswer>;
  close(): Promise<void>;
}

/**
 * A worker thread running the shard worker beside this module: the bundle's own entry when the
 * CLI runs from its build; otherwise the TypeScript source, after registering tsx's loader in the
 * thread (a worker does not inherit the loader the main thread registered, and Node 20 ignores
 * loader flags in a worker's execArgv).
 */
function startWorker(heap: ShardWorkerHeap): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: heap.youngGenerationMb, maxOldGenerationSizeMb: heap.oldGenerationMb };
  if (import.meta.url.endsWith('.mjs')) return new Worker(fileURLToPath(new URL('./shard-worker.mjs', import.meta.url)), { resourceLimits });
  const loader = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = JSON.stringify(new URL('./shard-worker.ts', import.meta.url).href);
  return new Worker(`import(${loader}).then(({ register }) => { register(); return import(${source}); });`, { eval: true, resourceLimits });
}

/**
 * `count` worker threads reading shards, each handed the next waiting shard when it finishes one,
 * so every core reads and none waits for a slow shard.
 */
export function startShardWorkers(count: number, heap: ShardWorkerHeap = SHARD_WORKER_HEAP): ShardWorkers {
  type Settle = (result: ShardTaskResult | ShardWorkerLost) => void;
  const waiting: { task: ShardTask; settle: Settle }[] = [];
  const idle: Worker[] = [];
  const running = new Map<number, Settle>();
  let nextId = 0;
  let failure: string | undefined;
  let closing = false;
  // A worker that dies fails every shard still to come: none is left waiting for an answer.
  const fail = (reason: string) => {
    failure ??= reason;
    const lost = new ShardWorkerLost(failure);
    for (const settle of [...running.values(), ...waiting.map((w) => w.settle)]) settle(lost);
    running.clear();
    waiting.length = 0;
  };
  const dispatch = (worker: Worker) => {
    const next = waiting.shift();
    if (!next) return void idle.push(worker);
    running.set(next.task.id, next.settle);
    worker.postMessage(next.task);
  };
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(heap);
    worker.on('message', (result: ShardTaskResult) => {
      running.get(result.id)?.(result);
      running.delete(result.id);
      dispatch(worker);
    });
    worker.on('error', (error) => fail(`a shard worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (!closing) fail(`a shard worker exited with code ${code}`);
    });
    return worker;
  });
  idle.push(...workers);
  return {
    read(task) {
      if (failure) return Promise.reject(new ShardWorkerLost(failure));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.push({
          task: { ...task, id },
          settle: (result) => {
            if (result instanceof ShardWorkerLost) reject(result);
            else if ('scan' in result) resolve(result);
            else if (result.error.code === undefined) reject(new Error(result.error.message));
            else reject(new ProfileError(result.error.code, result.error.message, result.error.details));
          },
        });
        const worker = idle.pop();
        if (worker) dispatch(worker);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
