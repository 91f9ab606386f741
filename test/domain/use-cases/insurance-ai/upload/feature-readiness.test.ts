import { describe, expect, it } from 'vitest';
import { assessFeature } from '#domain/use-cases/insurance-ai/upload/feature-readiness.js';
import { detectColumnPii } from '#domain/use-cases/insurance-ai/upload/pii-detection.js';

const assess = (column: string, values: unknown[]) => assessFeature(column, values, detectColumnPii(column, values));

describe('assessFeature', () => {
  it('rates a complete, varied numeric column highly', () => {
    const f = assess(
      'premium',
      Array.from({ length: 40 }, (_, i) => 500 + i * 50),
    );
    expect(f).toMatchObject({ type: 'numeric', completeness: 1, distinct: 40, pii: false, ready: true });
    expect(f.score).toBeGreaterThan(0.9);
    expect(f.variance).toBeGreaterThan(0);
  });

  it('penalises missing values', () => {
    const full = assess(
      'amount',
      Array.from({ length: 40 }, (_, i) => i * 10 + 1),
    );
    const sparse = assess(
      'amount',
      Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? i * 10 + 1 : null)),
    );
    expect(sparse.completeness).toBe(0.25);
    expect(sparse.score).toBeLessThan(full.score);
    expect(sparse.reasons).toContain('75% of rows have no value');
  });

  it('scores PII, identifiers and constants near zero, with the reason', () => {
    expect(
      assess(
        'contact',
        Array.from({ length: 30 }, (_, i) => `p${i}@example.com`),
      ),
    ).toMatchObject({ pii: true, score: 0, ready: false });
    expect(
      assess(
        'claim_id',
        Array.from({ length: 30 }, (_, i) => `C${1000 + i}`),
      ),
    ).toMatchObject({ type: 'identifier', score: 0.05 });
    expect(
      assess(
        'country',
        Array.from({ length: 30 }, () => 'US'),
      ),
    ).toMatchObject({ score: 0.05, ready: false });
    expect(assess('nothing', [null, null])).toMatchObject({ type: 'empty', score: 0 });
  });

  it('treats ISO dates as dates and codes as categories', () => {
    expect(assess('effective_date', ['2020-01-01', '2024-06-30', '2022-03-15']).type).toBe('date');
    const lob = assess('line_of_business', ['AUTO', 'HOME', 'AUTO', 'LIFE', 'HOME', 'AUTO']);
    expect(lob.type).toBe('categorical');
    expect(lob.score).toBeGreaterThan(0);
    expect(lob.score).toBeLessThanOrEqual(1);
  });
});
