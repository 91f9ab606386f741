import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { replayRecordingInFreshRuntime } from '#local/replay/fresh-replay.js';
import { recordJourney } from '#local/replay/record-journey.js';
import { readRecording, writeRecording, type Recording } from '#local/replay/recording.js';
import { journeyIdOfRecordingReplay, restoreRecordingInput } from '#local/replay/recording-input.js';
import { diffTraces, formatDifferences, type TraceDifference } from '#local/replay/trace-diff.js';
import type { OutcomeTrace } from '#local/replay/outcome-trace.js';
import { eventOf, listenOnRuntime } from './wait-for-event.js';

/** Where `symphainy record --out` keeps the recordings that run in npm test. */
export const RECORDINGS_DIR = fileURLToPath(new URL('../../events/recordings/', import.meta.url));

/** Set to re-record every recording from its replay instead of comparing (after an intended change). */
export const UPDATE_RECORDINGS = process.env.SYMPHAINY_UPDATE_RECORDINGS === '1';

export function recordingFiles(dir = RECORDINGS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

export interface GoldenReplay {
  recording: Recording;
  journeyId: string;
  trace: OutcomeTrace;
  /** Differences from the recorded trace, leaving out the paths the recording marked unstable. */
  differences: TraceDifference[];
}

/** Re-drives a recording on a fresh embedded runtime and compares the outcome with the recorded one. */
export async function replayRecording(file: string, options: { registry?: UseCaseRegistry } = {}): Promise<GoldenReplay> {
  const recording = readRecording(file);
  const { journeyId, trace } = await replayRecordingInFreshRuntime(recording, options);
  return { recording, journeyId, trace, differences: diffTraces(recording.trace, trace, recording.unstable) };
}

/**
 * The golden test: the recording replays to the trace it was recorded with. On a difference it
 * fails with every differing path; with SYMPHAINY_UPDATE_RECORDINGS=1 it records the file anew
 * from the replay instead, so an intended change is one command to accept.
 */
export async function expectRecordingToReplay(file: string, options: { registry?: UseCaseRegistry } = {}): Promise<GoldenReplay> {
  if (UPDATE_RECORDINGS) await rerecord(file, options);
  const replayed = await replayRecording(file, options);
  if (replayed.differences.length) {
    throw new Error(
      `${replayed.recording.name} no longer replays to its recorded outcome:\n${formatDifferences(replayed.differences)}\n` +
        `If the change is intended, record it again: SYMPHAINY_UPDATE_RECORDINGS=1 npx vitest run test/local/replay/recordings.e2e.test.ts`,
    );
  }
  return replayed;
}

async function rerecord(file: string, options: { registry?: UseCaseRegistry }): Promise<void> {
  const old = readRecording(file);
  const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-rerecord-'));
  const runtime = await EmbeddedRuntime.open({ dataDir, queue: { visibilityTimeoutMs: 20 }, ...(options.registry ? { registry: options.registry } : {}) });
  try {
    const bus = listenOnRuntime(runtime);
    const replayName = `rerecord-${Date.now().toString(36)}`;
    const journeyId = journeyIdOfRecordingReplay(old, replayName);
    await restoreRecordingInput(runtime, old);
    runtime.replay(old.trigger.bus, [old.trigger.event], { replayName, keepIds: true });
    await bus.waitForEvent(eventOf('Journey Delivered', journeyId), { timeout: 30_000, description: `Journey Delivered for ${journeyId}` });
    const fresh = await recordJourney(runtime, journeyId, { name: old.name, ...(old.description ? { description: old.description } : {}) });
    writeRecording(file, fresh);
  } finally {
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
