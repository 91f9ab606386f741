import { describe, expect, it } from 'vitest';
import type { JourneyStatus } from '#domain/journeys/journey-state.js';
import { followJourneyLogs, type JourneyLogSource } from '#local/logs/follow-journey-logs.js';
import type { JourneyLogLine } from '#local/log-lines/journey-log-line.js';

const line = (ms: number, fn: string): JourneyLogLine => ({
  timestamp: new Date(ms).toISOString(),
  function: fn,
  level: 'INFO',
  message: 'event handled',
  fields: {},
});

/** A journey told read by read: each read hands out the next batch of lines and the state after it. */
function scripted(reads: { lines: JourneyLogLine[]; status?: JourneyStatus; delivered?: boolean }[], moving = true): JourneyLogSource & { reads: number } {
  const source = {
    reads: 0,
    async read() {
      const next = reads[Math.min(source.reads, reads.length - 1)]!;
      const fresh = source.reads < reads.length ? next.lines : [];
      source.reads += 1;
      return { lines: fresh, journey: next.status ? { status: next.status, delivered: next.delivered ?? false } : undefined };
    },
    moving: () => moving,
  };
  return source;
}

/** A clock that moves only when the loop sleeps. */
function run(source: JourneyLogSource, follow: boolean) {
  let now = 0;
  const printed: JourneyLogLine[][] = [];
  const outcome = followJourneyLogs(source, {
    follow,
    intervalMs: 100,
    settleMs: 300,
    print: (lines) => printed.push(lines),
    sleep: async (ms) => void (now += ms),
    now: () => now,
  });
  return { outcome, printed };
}

describe("following a journey's logs", () => {
  it('prints what is there and stops, without --follow', async () => {
    const source = scripted([{ lines: [line(2, 'b'), line(1, 'a')], status: 'running' }]);
    const { outcome, printed } = run(source, false);
    expect(await outcome).toEqual({ kind: 'read', status: 'running' });
    expect(printed).toEqual([[line(1, 'a'), line(2, 'b')]]);
    expect(source.reads).toBe(1);
  });

  it('answers not found for a journey with neither events nor lines', async () => {
    expect(await run(scripted([{ lines: [] }]), true).outcome).toEqual({ kind: 'not_found' });
  });

  it('keeps reading until the journey is delivered and quiet, printing each new batch once', async () => {
    const source = scripted([
      { lines: [line(1, 'validate-file')], status: 'running' },
      { lines: [], status: 'running' },
      { lines: [line(5, 'process-file')], status: 'completed' },
      { lines: [line(6, 'journey-recorder')], status: 'completed', delivered: true },
      { lines: [], status: 'completed', delivered: true },
    ]);
    const { outcome, printed } = run(source, true);
    expect(await outcome).toEqual({ kind: 'ended', status: 'completed' });
    expect(printed.flat().map((l) => l.function)).toEqual(['validate-file', 'process-file', 'journey-recorder']);
    // Delivered at the 4th read, then quiet for settleMs (3 more reads of 100 ms).
    expect(source.reads).toBe(7);
  });

  it('gives up on a running journey nothing moves any more', async () => {
    const { outcome } = run(scripted([{ lines: [line(1, 'validate-file')], status: 'running' }], false), true);
    expect(await outcome).toEqual({ kind: 'stalled', status: 'running' });
  });

  it('ends on a failed journey that nothing will deliver', async () => {
    const { outcome } = run(scripted([{ lines: [line(1, 'validate-file')], status: 'failed' }], false), true);
    expect(await outcome).toEqual({ kind: 'ended', status: 'failed' });
  });
});

describe('following a journey not heard of yet', () => {
  it('waits for it as long as asked, then follows it', async () => {
    const source = scripted([
      { lines: [] },
      { lines: [] },
      { lines: [line(1, 'experience-manager')], status: 'running' },
      { lines: [], status: 'completed', delivered: true },
    ]);
    let now = 0;
    const outcome = await followJourneyLogs(source, {
      follow: true,
      intervalMs: 100,
      settleMs: 100,
      appearWithinMs: 1_000,
      print: () => undefined,
      sleep: async (ms) => void (now += ms),
      now: () => now,
    });
    expect(outcome).toEqual({ kind: 'ended', status: 'completed' });
  });

  it('answers not found once the wait is over', async () => {
    const source = scripted([{ lines: [] }]);
    let now = 0;
    const outcome = await followJourneyLogs(source, {
      follow: true,
      intervalMs: 100,
      settleMs: 100,
      appearWithinMs: 500,
      print: () => undefined,
      sleep: async (ms) => void (now += ms),
      now: () => now,
    });
    expect(outcome).toEqual({ kind: 'not_found' });
    expect(source.reads).toBe(6);
  });
});
