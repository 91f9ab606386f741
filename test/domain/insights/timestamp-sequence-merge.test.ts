import { describe, expect, it } from 'vitest';
import { TimestampSequenceTracker, type TimestampSequenceStats } from '#domain/insights/index.js';

const T0 = Date.UTC(2026, 10, 30, 23, 58);

/** A small seeded generator, so a failure names the cuts and can be run again. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Cell = { text: string | null; flagged: boolean };

/**
 * A meter log's timestamp column as a plant would write it: mostly every 15 s, with silences,
 * clock resets stepping back, repeated readings, blanks and a few values that are not dates.
 */
function meterColumn(rows: number, seed: number, jitterMs: number): Cell[] {
  const next = random(seed);
  let ms = T0;
  return Array.from({ length: rows }, () => {
    const roll = next();
    if (roll < 0.03) return { text: null, flagged: false };
    if (roll < 0.04) return { text: 'n/a', flagged: false };
    if (roll < 0.06) ms -= 60_000;
    else if (roll < 0.1) ms += 0;
    else if (roll < 0.12) ms += 3_600_000 + Math.floor(next() * 900_000);
    else ms += 15_000 + Math.floor(next() * jitterMs);
    const text = new Date(ms).toISOString().replace('T', ' ').replace('.000Z', '');
    return { text, flagged: next() < 0.5 };
  });
}

function onePass(cells: Cell[]): TimestampSequenceStats {
  const tracker = new TimestampSequenceTracker('read_at');
  cells.forEach((cell, i) => tracker.add(i + 1, cell.text, cell.flagged));
  return tracker.result();
}

/** The column cut at `cuts`, each part followed alone with rows from 1, the parts' states joined in order. */
function inParts(cells: Cell[], cuts: number[]): TimestampSequenceStats {
  const bounds = [0, ...cuts, cells.length];
  const parts = bounds.slice(1).map((end, p) => {
    const tracker = new TimestampSequenceTracker('read_at');
    cells.slice(bounds[p], end).forEach((cell, i) => tracker.add(i + 1, cell.text, cell.flagged));
    return { state: tracker.toState(), rows: end - bounds[p]! };
  });
  const whole = TimestampSequenceTracker.fromState(structuredClone(parts[0]!.state));
  let rowsBefore = parts[0]!.rows;
  for (const part of parts.slice(1)) {
    whole.append(structuredClone(part.state), rowsBefore);
    rowsBefore += part.rows;
  }
  return whole.result();
}

/** Up to `most` distinct places to cut `rows` rows, in order. */
function randomCuts(next: () => number, rows: number, most: number): number[] {
  return [...new Set(Array.from({ length: 1 + Math.floor(next() * most) }, () => 1 + Math.floor(next() * (rows - 1))))].sort((a, b) => a - b);
}

describe('a timestamp sequence followed in parts', () => {
  it('gives what one pass gives, wherever the column is cut (regular sampling: exact intervals)', () => {
    const cells = meterColumn(3_000, 7, 0);
    const next = random(11);
    for (let trial = 0; trial < 40; trial++) {
      const cuts = randomCuts(next, cells.length, 6);
      expect(inParts(cells, cuts), `cut at ${cuts.join(', ')}`).toEqual(onePass(cells));
    }
    const stats = onePass(cells);
    expect(stats.backwardSteps).toBeGreaterThan(0);
    expect(stats.repeatedSteps).toBeGreaterThan(0);
    expect(stats.gaps).toBeGreaterThan(0);
    expect(stats.flaggedGaps).toBeGreaterThan(0);
    expect(stats.medianIntervalMs).toBe(15_000);
  });

  it('gives what one pass gives when the intervals are too many to count exactly (histogram buckets)', () => {
    const cells = meterColumn(4_000, 3, 5_000);
    const next = random(5);
    for (let trial = 0; trial < 20; trial++) {
      const cuts = randomCuts(next, cells.length, 4);
      expect(inParts(cells, cuts), `cut at ${cuts.join(', ')}`).toEqual(onePass(cells));
    }
    expect(onePass(cells).medianIntervalMs).not.toBe(15_000);
  });

  it('joins across parts that hold no timestamp at all, and names the first step back across a seam', () => {
    const cells: Cell[] = [
      { text: '2026-12-01 08:00:00', flagged: false },
      { text: null, flagged: false },
      { text: 'n/a', flagged: false },
      { text: null, flagged: false },
      { text: '2026-12-01 07:59:00', flagged: false },
      { text: '2026-12-01 08:01:00', flagged: false },
    ];
    const joined = inParts(cells, [1, 2, 4]);
    expect(joined).toEqual(onePass(cells));
    expect(joined.firstBackward).toEqual({ row: 5, from: '2026-12-01 08:00:00', to: '2026-12-01 07:59:00' });
    expect(joined).toMatchObject({ values: 3, unparsed: 1, steps: 2, backwardSteps: 1 });
  });
});
