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
    // duplicate-row table (2^17 hashes at most).
    const bound = columns * (sampleCapacity + Math.max(exactDistinctLimit, 1024) + 4096 + 1024) + 2 ** 17;
    const retained: number[] = [];
    for (const chunk of chunks(200_000)) {
      profiler.push(chunk);
      retained.push(profiler.retainedItems);
    }
    const profile = profiler.finish({ compression: 'none', bytes: 0 });
    expect(profile.rows).toBe(200_000);
    expect(Math.max(...retained)).toBeLessThanOrEqual(bound);
    // No growth with the row count: the last 50,000 rows never hold more than the 50,000
    // before them (the duplicate-row table saws between half and all of its 2^17 hashes).
    const window = (fromRow: number, toRow: number) => Math.max(...retained.slice(fromRow / 5000 + 1, toRow / 5000 + 1));
    expect(window(150_000, 200_000)).toBeLessThanOrEqual(window(100_000, 150_000));
    expect(profile.columns.find((c) => c.name === 'token')!.distinctApproximate).toBe(true);
  });
});
