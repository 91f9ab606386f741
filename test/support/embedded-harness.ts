import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { EmbeddedRuntime, type EmbeddedRuntimeOptions } from '#local/runtime/embedded-runtime.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';

export interface Harness {
  runtime: EmbeddedRuntime;
  dataDir: string;
  /** Uploads, waits for every queue to drain, and returns the journey. */
  uploadAndWait(body: string | Uint8Array, key: string, metadata?: Record<string, string>): Promise<JourneyView>;
  text(bucket: string, key: string): Promise<string>;
  sha256(bucket: string, key: string): Promise<string>;
  reopen(options?: Partial<EmbeddedRuntimeOptions>): Promise<EmbeddedRuntime>;
  close(): void;
}

/** An embedded runtime in a fresh temporary directory, so no test sees another's leftovers. */
export async function embeddedHarness(options: Partial<EmbeddedRuntimeOptions> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-test-'));
  // Retry delays as the step policies declare them, a hundred times shorter: tests of the spacing itself set 1.
  let runtime = await EmbeddedRuntime.open({ dataDir, queue: { visibilityTimeoutMs: 20 }, retryDelayScale: 0.01, ...options });
  const harness: Harness = {
    get runtime() {
      return runtime;
    },
    dataDir,
    async uploadAndWait(body, key, metadata) {
      const { journeyId } = await runtime.upload({ body, key, ...(metadata ? { metadata } : {}) });
      await runtime.idle();
      const view = runtime.journey(journeyId);
      if (!view) throw new Error(`journey ${journeyId} left no events`);
      return view;
    },
    async text(bucket, key) {
      const object = await runtime.store.get(bucket, key);
      if (!object) throw new Error(`no object s3://${bucket}/${key}`);
      return new TextDecoder().decode(object.body);
    },
    async sha256(bucket, key) {
      const object = await runtime.store.get(bucket, key);
      if (!object) throw new Error(`no object s3://${bucket}/${key}`);
      return createHash('sha256').update(object.body).digest('hex');
    },
    async reopen(more = {}) {
      runtime.close();
      runtime = await EmbeddedRuntime.open({ dataDir, queue: { visibilityTimeoutMs: 20 }, retryDelayScale: 0.01, ...options, ...more });
      return runtime;
    },
    close() {
      runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
