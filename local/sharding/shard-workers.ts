import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ProfileError } from '#domain/profiling/profile-error.js';
import type { ShardAnswer, ShardTask, ShardTaskResult } from './shard-task.js';

/** Distributes over the task's kinds, so a caller hands a scan or a profile without an id. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

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
function startWorker(): Worker {
  if (import.meta.url.endsWith('.mjs')) return new Worker(fileURLToPath(new URL('./shard-worker.mjs', import.meta.url)));
  const loader = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = JSON.stringify(new URL('./shard-worker.ts', import.meta.url).href);
  return new Worker(`import(${loader}).then(({ register }) => { register(); return import(${source}); });`, { eval: true });
}

/**
 * `count` worker threads reading shards, each handed the next waiting shard when it finishes one,
 * so every core reads and none waits for a slow shard.
 */
export function startShardWorkers(count: number): ShardWorkers {
  const waiting: { task: ShardTask; settle: (result: ShardTaskResult) => void }[] = [];
  const idle: Worker[] = [];
  const running = new Map<number, (result: ShardTaskResult) => void>();
  let nextId = 0;
  let failure: string | undefined;
  let closing = false;
  // A worker that dies fails every shard still to come: none is left waiting for an answer.
  const fail = (reason: string) => {
    failure ??= reason;
    for (const settle of [...running.values(), ...waiting.map((w) => w.settle)]) settle({ id: -1, error: { code: undefined, message: failure } });
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
    const worker = startWorker();
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
      if (failure) return Promise.reject(new Error(failure));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.push({
          task: { ...task, id },
          settle: (result) => {
            if ('scan' in result) resolve(result);
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
