import { embeddedOperations } from '#local/operations/embedded-operations.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import type { StepFault } from '#local/runtime/step-faults.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { settlesWithin } from './bounded-wait.js';
import type { AcceptedUpload, DrainOutcome, PlatformHost, QueueDepth, ReadinessCheck, UploadInput } from './platform-host.js';

/** `symphainy serve` on the embedded runtime: every step and manager in this process, state in the data directory. */
/** How often a long-running server looks for journeys past their deadline. */
const SWEEP_INTERVAL_MS = 60_000;

export class EmbeddedHost implements PlatformHost {
  readonly mode = 'embedded' as const;
  readonly where: Record<string, string>;
  readonly maxUploadBytes: number;
  readonly registry: UseCaseRegistry;
  readonly uploadBucket: string;
  readonly objects: ObjectStore;
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;

  private constructor(
    private readonly runtime: EmbeddedRuntime,
    dataDir: string,
  ) {
    this.where = { dataDir };
    this.maxUploadBytes = runtime.config.maxUploadBytes;
    this.registry = runtime.registry;
    this.uploadBucket = runtime.config.uploadBucket;
    this.objects = runtime.store;
    // As the stack's schedule runs the journey sweeper; unref'd, so it never keeps the process up.
    this.sweeper = setInterval(() => void runtime.sweepOverdueJourneys().catch(() => undefined), SWEEP_INTERVAL_MS).unref();
  }

  static async open(options: { dataDir: string; verbose: boolean; faults?: readonly StepFault[] }): Promise<EmbeddedHost> {
    // Warnings and errors reach the server's log; a step's per-event lines only with --verbose.
    const runtime = await EmbeddedRuntime.open({
      dataDir: options.dataDir,
      logLevel: options.verbose ? 'INFO' : 'WARN',
      ...(options.faults?.length ? { faults: options.faults } : {}),
    });
    return new EmbeddedHost(runtime, options.dataDir);
  }

  async upload(input: UploadInput): Promise<AcceptedUpload> {
    return this.runtime.upload({
      body: input.body,
      key: input.key,
      metadata: input.metadata,
      ...(input.contentType ? { contentType: input.contentType } : {}),
    });
  }

  journey(journeyId: string) {
    return this.runtime.journey(journeyId);
  }

  async lookupJourney(journeyId: string) {
    return this.runtime.journey(journeyId);
  }

  journeys() {
    return this.runtime.journeys();
  }

  journeyEvents(journeyId: string) {
    return this.runtime.events(journeyId);
  }

  operations() {
    return embeddedOperations(this.runtime);
  }

  onEvent(listener: Parameters<EmbeddedRuntime['onEvent']>[0]) {
    return this.runtime.onEvent(listener);
  }

  async readiness(): Promise<ReadinessCheck[]> {
    // The bus, the store and the queues are this process: ready while the runtime is open.
    return [{ name: 'embedded-runtime', ok: !this.closed, detail: this.closed ? 'closed' : `open on ${this.where.dataDir}` }];
  }

  async depths(): Promise<QueueDepth[]> {
    const dead = new Map<string, number>();
    for (const letter of this.runtime.deadLetters()) dead.set(letter.queue, (dead.get(letter.queue) ?? 0) + 1);
    return Object.entries(this.runtime.queueDepths()).map(([queue, depth]) => ({ queue, depth, deadLetters: dead.get(queue) ?? 0 }));
  }

  async drain(timeoutMs: number): Promise<DrainOutcome> {
    const drained = await settlesWithin(this.runtime.idle(), timeoutMs);
    const unfinished = Object.values(this.runtime.queueDepths()).reduce((sum, depth) => sum + depth, 0);
    return { drained: drained && unfinished === 0, unfinished };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    // Whatever is still queued stays in the journal and resumes on the next open.
    this.runtime.close();
  }
}
