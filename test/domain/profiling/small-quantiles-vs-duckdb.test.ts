import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileBytes } from '#domain/profiling/index.js';

/**
 * While a column is small enough to be held exactly, its quantiles are exact and interpolated:
 * what DuckDB's quantile_cont (and numpy, pandas, ydata-profiling) give on the same values.
 */
let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => connection?.closeSync());

const QUANTILES = { p1: 0.01, p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const;

describe.each([
  { name: 'four ids', values: [1, 2, 3, 4] },
  { name: 'a skewed handful with ties', values: [3, 3, 5, 8, 13, 13, 13, 210] },
  { name: 'three hundred repeated readings', values: Array.from({ length: 300 }, (_, i) => Math.round(((i * 37) % 101) * 1.5 * 100) / 100) },
])('$name', ({ values }) => {
  it('matches quantile_cont at every quantile', async () => {
    const profile = await profileBytes(new TextEncoder().encode(`reading\n${values.join('\n')}\n`));
    const column = profile.columns[0]!;
    expect(column.quantileRankError).toBe(0);
    const list = values.map((v) => `(${v})`).join(',');
    const row = (
      await connection.runAndReadAll(
        `SELECT ${Object.values(QUANTILES)
          .map((q) => `quantile_cont(v::DOUBLE, ${q})`)
          .join(', ')} FROM (VALUES ${list}) t(v)`,
      )
    ).getRows()[0]!;
    Object.keys(QUANTILES).forEach((key, i) => expect(column.quantiles[key as keyof typeof QUANTILES], key).toBeCloseTo(Number(row[i]), 9));
  });
});
