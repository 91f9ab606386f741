import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { builtInUseCases } from '#domain/use-cases/default-registry.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import type { BenchRow } from './bench-row.js';

const STEPS = 8;
const JOURNEYS = 150;

/** Steps that do nothing, so what is timed is the platform: events, queues, idempotency, journal. */
function noOpUseCase() {
  const steps: StepDefinition[] = Array.from({ length: STEPS }, (_, i) => ({ name: `bench_noop_${i}`, description: 'does nothing', run: async () => ({}) }));
  return { id: 'bench_noop', title: 'no-op steps', journeys: { upload: steps }, samples: () => [] };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function withRuntime<T>(registry: UseCaseRegistry, work: (runtime: EmbeddedRuntime) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-bench-'));
  const runtime = await EmbeddedRuntime.open({ dataDir, registry });
  try {
    return await work(runtime);
  } finally {
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Time between one step being requested and the next, for steps that do no work. */
export async function orchestrationOverhead(): Promise<BenchRow> {
  return withRuntime(new UseCaseRegistry([noOpUseCase()]), async (runtime) => {
    const gaps: number[] = [];
    const lastRequest = new Map<string, bigint>();
    runtime.onEvent((event) => {
      if (event['detail-type'] !== 'Journey Step Requested' && event['detail-type'] !== 'Journey Completed') return;
      const journeyId = (event.detail as { journeyId: string }).journeyId;
      const now = process.hrtime.bigint();
      const previous = lastRequest.get(journeyId);
      if (previous !== undefined) gaps.push(Number(now - previous) / 1e6);
      lastRequest.set(journeyId, now);
    });
    // Sequential journeys: the gap is one step's orchestration with nothing else competing.
    for (let i = 0; i < JOURNEYS; i++) {
      await runtime.upload({ body: 'x\n', key: `uploads/bench_noop/${i}.txt` });
      await runtime.idle();
    }
    const failed = runtime.journeys().filter((j) => j.status !== 'completed').length;
    if (failed) throw new Error(`${failed} no-op journeys did not complete`);
    const sorted = gaps.slice(JOURNEYS).sort((a, b) => a - b); // drop warm-up journeys' worth
    const p50 = percentile(sorted, 50);
    return {
      benchmark: 'orchestration overhead per step (embedded, no-op steps)',
      value: Number(p50.toFixed(3)),
      unit: 'ms p50',
      target: '<= 1 ms p50',
      meetsTarget: p50 <= 1,
      notes: `p90 ${percentile(sorted, 90).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(3)} ms over ${sorted.length} steps (${JOURNEYS} journeys x ${STEPS} steps)`,
    };
  });
}

/**
 * 1,000 small uploads put at once; all must complete. The target is about the upload journey, so
 * the follow-on EDA journeys (report rendering, ~100 ms each) are switched off here.
 */
export async function concurrentUploads(count = 1000): Promise<BenchRow> {
  const uploadOnly = new UseCaseRegistry(builtInUseCases.map(({ followOn: _followOn, ...module }) => module));
  return withRuntime(uploadOnly, async (runtime) => {
    const started = process.hrtime.bigint();
    const uploads = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        runtime.upload({ body: `id,value,label\n${i},${i * 1.5},row ${i}\n${i + 1},${i * 2},"quoted, ${i}"\n`, key: `uploads/mvp/bench-${i}.csv` }),
      ),
    );
    await runtime.idle();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const statuses = uploads.map((u) => runtime.journey(u.journeyId)?.status ?? 'lost');
    const completed = statuses.filter((s) => s === 'completed').length;
    const lost = statuses.filter((s) => s === 'lost').length;
    const rate = completed / seconds;
    return {
      benchmark: `${count} concurrent small mvp uploads, upload journey (embedded)`,
      value: Number(rate.toFixed(1)),
      unit: 'journeys/s',
      target: '>= 100 journeys/s, all complete',
      meetsTarget: rate >= 100 && completed === count,
      notes: `${completed}/${count} completed, ${lost} lost, ${runtime.deadLetters().length} dead-lettered, ${seconds.toFixed(2)} s wall`,
    };
  });
}

export async function run(): Promise<BenchRow[]> {
  return [await orchestrationOverhead(), await concurrentUploads()];
}
