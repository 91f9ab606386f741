import { describe, expect, it } from 'vitest';
import { deriveInsights, parseTimestampMs, TimestampSequenceTracker } from '#domain/insights/index.js';
import { dataset } from './profile-builder.js';

const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.UTC(2026, 2, 2, 7, 40);

function track(times: (number | string | null)[]) {
  const tracker = new TimestampSequenceTracker('ts');
  times.forEach((t, i) => tracker.add(i + 1, typeof t === 'number' ? iso(t) : t));
  return tracker.result();
}

describe('timestamps', () => {
  it('parses ISO dates and date-times as UTC unless an offset says otherwise, refusing impossible dates', () => {
    expect(parseTimestampMs('2026-03-02')).toBe(Date.UTC(2026, 2, 2));
    expect(parseTimestampMs('2026-03-02 07:40:00')).toBe(Date.UTC(2026, 2, 2, 7, 40));
    expect(parseTimestampMs('2026-03-02T07:40:00.250+01:00')).toBe(Date.UTC(2026, 2, 2, 6, 40, 0, 250));
    expect(parseTimestampMs('2026-02-30')).toBeUndefined();
    expect(parseTimestampMs('yesterday')).toBeUndefined();
  });

  it('finds the median interval, the gaps beyond ten times it, and the longest gap with its row', () => {
    const times = Array.from({ length: 200 }, (_, i) => T0 + i * 1000);
    for (let i = 100; i < 200; i++) times[i]! += 300_000; // a 5-minute silence before row 101
    for (let i = 150; i < 200; i++) times[i]! += 20_000; // a 21-second one before row 151
    const stats = track([...times, null, 'garbage']);
    expect(stats).toMatchObject({ values: 200, unparsed: 1, steps: 199, backwardSteps: 0, gaps: 2 });
    expect(stats.medianIntervalMs).toBeGreaterThan(900);
    expect(stats.medianIntervalMs).toBeLessThan(1100);
    expect(stats.largestGaps.map((g) => [g.row, g.intervalMs])).toEqual([
      [101, 301_000],
      [151, 21_000],
    ]);
    const [gaps] = deriveInsights(dataset([]), { timestampSequences: [stats] });
    expect(gaps).toMatchObject({ kind: 'timestamp_gaps', columns: ['ts'], numbers: { gaps: 2, longestGapMs: 301_000, longestGapRow: 101 } });
    expect(gaps!.evidence).toContain('5.017 min');
  });

  it('reports a series stepping back as disorder, with the first place it happens', () => {
    const times = Array.from({ length: 100 }, (_, i) => T0 + i * 1000);
    [times[40], times[41]] = [times[41]!, times[40]!];
    const stats = track(times);
    expect(stats).toMatchObject({ backwardSteps: 1, firstBackward: { row: 42, from: iso(T0 + 41_000), to: iso(T0 + 40_000) } });
    const insight = deriveInsights(dataset([]), { timestampSequences: [stats] }).find((i) => i.kind === 'timestamp_disorder');
    expect(insight).toMatchObject({ severity: 'warning', title: 'ts goes back in time once' });
  });

  it('says nothing about a column in no time order at all', () => {
    const shuffled = Array.from({ length: 100 }, (_, i) => T0 + ((i * 37) % 100) * 86_400_000);
    expect(deriveInsights(dataset([]), { timestampSequences: [track(shuffled)] })).toEqual([]);
  });
});
