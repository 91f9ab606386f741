import { describe, expect, it } from 'vitest';
import { TableProfiler } from '#domain/profiling/index.js';

const encoder = new TextEncoder();

/** 200,000 rows of the worst kind for memory: unique ids, unique floats, unique text, a clock. */
function* chunks(rows: number): Generator<Uint8Array> {
  yield encoder.encode('id,reading,token,at,group\n');
  const start = Date.UTC(2026, 0, 1);
  for (let from = 0; from < rows; from += 5000) {
    let text = '';
    for (let i = from; i < Math.min(rows, from + 5000); i++) {
      text += `${i},${(i * 0.7310585786).toFixed(6)},tok-${(i * 2654435761) >>> 0},${new Date(start + i * 1000).toISOString()},g${i % 7}\n`;
    }
    yield encoder.encode(text);
  }
}

describe('memory stays bounded whatever the row count', () => {
  it('holds no more sketch items at 200,000 rows than its fixed capacities allow, and stops growing', () => {
    const sampleCapacity = 4096;
    const exactDistinctLimit = 1000;
    const profiler = new TableProfiler({ exactDistinctLimit }, sampleCapacity);
    const columns = 5;
    // Per column: the quantile sample, the value table (exact limit, or the frequent-items
    // counters), the forward-gap sample and one block of buffered numbers; plus the
    // duplicate-row table (2^18 hashes at most).
    const bound = columns * (sampleCapacity + Math.max(exactDistinctLimit, 1024) + 4096 + 1024) + 2 ** 18;
    const retained: number[] = [];
    for (const chunk of chunks(200_000)) {
      profiler.push(chunk);
      retained.push(profiler.retainedItems);
    }
    const profile = profiler.finish({ compression: 'none', bytes: 0 });
    expect(profile.rows).toBe(200_000);
    expect(Math.max(...retained)).toBeLessThanOrEqual(bound);
    // The column sketches plateau: between 100,000 and 200,000 rows they hold no more
    // (the duplicate-row table, which grows until 2^18 distinct rows, is left out).
    const sketches = retained.map((r, i) => r - Math.min(i * 5000, 200_000));
    expect(sketches.at(-1)!).toBeLessThanOrEqual(sketches[Math.floor(sketches.length / 2)]! + columns * 1024);
    expect(profile.columns.find((c) => c.name === 'token')!.distinctApproximate).toBe(true);
  });
});
