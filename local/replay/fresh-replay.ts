import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { BusListener, eventOf } from './bus-listener.js';
import { outcomeTrace, type OutcomeTrace } from './outcome-trace.js';
import type { Recording } from './recording.js';
import { journeyIdOfRecordingReplay, restoreRecordingInput } from './recording-input.js';

/**
 * Re-drives a recording on a fresh embedded runtime of its own: its input restored, its trigger
 * replayed, then waits for the journey's delivery and returns the trace it came to.
 */
export async function replayRecordingInFreshRuntime(
  recording: Recording,
  options: { registry?: UseCaseRegistry; timeoutMs?: number; replayName?: string } = {},
): Promise<{ journeyId: string; trace: OutcomeTrace }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-replay-'));
  const runtime = await EmbeddedRuntime.open({ dataDir, queue: { visibilityTimeoutMs: 20 }, ...(options.registry ? { registry: options.registry } : {}) });
  try {
    const bus = new BusListener();
    runtime.onEvent((event) => bus.deliver(event));
    const replayName = options.replayName ?? `golden-${recording.name}`.replace(/[^.\-_A-Za-z0-9]/g, '-').slice(0, 64);
    const journeyId = journeyIdOfRecordingReplay(recording, replayName);
    await restoreRecordingInput(runtime, recording);
    // A runtime of its own: the trigger keeps its id, so the replay is the recorded run again.
    runtime.replay(recording.trigger.bus, [recording.trigger.event], { replayName, keepIds: true });
    await bus.waitForEvent(eventOf('Journey Delivered', journeyId), {
      timeout: options.timeoutMs ?? 30_000,
      description: `Journey Delivered for ${journeyId} (recording ${recording.name})`,
    });
    const view = runtime.journey(journeyId);
    if (!view) throw new Error(`journey ${journeyId} was delivered but left no events`);
    return { journeyId, trace: outcomeTrace(view, runtime.events(journeyId)) };
  } finally {
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
