import { describe, expect, it } from 'vitest';
import { deriveInsights } from '#domain/insights/index.js';
import { column, dataset, numericColumn } from './profile-builder.js';

const kinds = (profile: Parameters<typeof deriveInsights>[0]) => deriveInsights(profile).map((i) => `${i.severity} ${i.kind} ${i.columns.join(',')}`);
const range = (n: number, f: (i: number) => number = (i) => i) => Array.from({ length: n }, (_, i) => f(i));

describe('deriveInsights', () => {
  it('finds nothing to say about a clean, unremarkable table', () => {
    expect(
      deriveInsights(
        dataset([
          column('city'),
          numericColumn(
            'score',
            range(100, (i) => (i % 10) + 1),
            { distinct: 10 },
          ),
        ]),
      ),
    ).toEqual([]);
  });

  it('reports missingness by share, critical from half, and names the column missing alongside', () => {
    const insights = deriveInsights(
      dataset(
        [
          column('email', { count: 70, nulls: 30 }),
          column('phone', { count: 40, nulls: 55, emptyStrings: 5 }),
          column('fax', { count: 0, nulls: 100, topK: [] }),
        ],
        {
          missingCooccurrence: [{ a: 'email', b: 'phone', bothMissing: 29 }],
        },
      ),
    );
    const byColumn = Object.fromEntries(insights.filter((i) => i.kind === 'high_missingness').map((i) => [i.columns[0], i]));
    expect(byColumn.email).toMatchObject({
      severity: 'warning',
      title: 'email is 30% missing',
      numbers: { missing: 30, rows: 100, share: 0.3, missingTogetherWith: 'phone', bothMissing: 29 },
    });
    expect(byColumn.email!.evidence).toContain('missing together with phone in 29 rows');
    expect(byColumn.phone).toMatchObject({ severity: 'critical', numbers: { missing: 60 } });
    expect(byColumn.phone!.evidence).toContain('5 of them empty strings');
    expect(byColumn.fax!.title).toBe('fax is entirely empty');
    expect(insights[0]!.severity).toBe('critical');
  });

  it('tells constant from near-constant columns', () => {
    const insights = deriveInsights(
      dataset([
        column('country', { distinct: 1, topK: [{ value: 'NL', count: 100 }] }),
        column('status', {
          distinct: 3,
          topK: [
            { value: 'ok', count: 97 },
            { value: 'late', count: 2 },
          ],
        }),
      ]),
    );
    expect(insights.map((i) => [i.kind, i.severity, i.columns[0]])).toEqual([
      ['constant_column', 'warning', 'country'],
      ['near_constant_column', 'info', 'status'],
    ]);
    expect(insights[1]!.numbers).toMatchObject({ value: 'ok', share: 0.97 });
  });

  it('spots identifiers: all distinct and present, with the name and a hole-free run as clues', () => {
    const id = numericColumn(
      'order_id',
      range(100, (i) => i + 1),
    );
    const insight = deriveInsights(dataset([id])).find((i) => i.kind === 'likely_identifier');
    expect(insight?.evidence).toContain('all 100 values are distinct');
    expect(insight?.evidence).toContain('its name says so');
    expect(insight?.evidence).toContain('from 1 to 100');
    // Missing values or repeats rule it out; so does a sketch count far below the row count.
    expect(kinds(dataset([column('code', { distinct: 100, count: 99, nulls: 1 })]))).toEqual([]);
    expect(kinds(dataset([column('code', { distinct: 99, distinctApproximate: true, distinctErrorBound: 0.01 })]))).toContain('info likely_identifier code');
    expect(kinds(dataset([column('code', { distinct: 90, distinctApproximate: true, distinctErrorBound: 0.01 })]))).toEqual([]);
  });

  it('calls a long right tail skew, with the log advice when every value is positive', () => {
    const incomes = numericColumn(
      'income',
      range(100, (i) => Math.round(1000 * Math.exp(i / 15))),
      { distinct: 50 },
    );
    const skew = deriveInsights(dataset([incomes])).find((i) => i.kind === 'skew');
    expect(skew).toMatchObject({ severity: 'info', title: 'income is right-skewed' });
    expect(skew!.evidence).toContain('log scale');
    expect(Number(skew!.numbers.coefficient)).toBeGreaterThan(0.9);
    const symmetric = numericColumn(
      'height',
      range(100, (i) => 150 + (i % 50)),
      { distinct: 50 },
    );
    expect(deriveInsights(dataset([symmetric])).some((i) => i.kind === 'skew')).toBe(false);
  });

  it('flags outliers by the IQR fences and by z-score as one finding, with the numbers of both', () => {
    const values = [...range(99, (i) => 10 + (i % 10)), 500];
    const insights = deriveInsights(dataset([numericColumn('latency_ms', values, { distinct: 11 })]));
    const outliers = insights.filter((i) => i.kind.startsWith('outliers'));
    expect(outliers).toHaveLength(1);
    const [iqr] = outliers;
    expect(iqr!).toMatchObject({ kind: 'outliers_iqr', severity: 'warning' });
    expect(iqr!.numbers).toMatchObject({ p25: 12, p75: 17, iqr: 5, upperFence: 24.5, max: 500 });
    expect(iqr!.numbers.atLeastBeyond).toBe(1);
    expect(Number(iqr!.numbers.maxAbsZ)).toBeGreaterThan(9);
    expect(iqr!.evidence).toContain('By z-score');
    expect(iqr!.evidence).toContain('the maximum 500');
    // With no IQR finding to join, the z-score stands alone.
    const zOnly = deriveInsights(dataset([numericColumn('latency_ms', values, { distinct: 11 })]), { thresholds: { iqrFence: 1000, iqrFarFence: 2000 } });
    expect(zOnly.filter((i) => i.kind.startsWith('outliers')).map((i) => i.kind)).toEqual(['outliers_zscore']);
    // A uniform spread has neither.
    expect(kinds(dataset([numericColumn('u', range(100), { distinct: 100, name: 'u' })])).filter((k) => k.includes('outliers'))).toEqual([]);
  });

  it('reports strong correlations strongest first, and near ±1 as redundant', () => {
    const insights = deriveInsights(
      dataset([], {
        correlations: [
          { a: 'x', b: 'y', pearson: 0.85, n: 100 },
          { a: 'price', b: 'price_eur', pearson: -0.995, n: 100 },
          { a: 'p', b: 'q', pearson: 0.3, n: 100 },
          { a: 'few', b: 'pairs', pearson: 1, n: 3 },
        ],
      }),
    );
    expect(insights.map((i) => [i.severity, i.columns.join('~')])).toEqual([
      ['warning', 'price~price_eur'],
      ['info', 'x~y'],
    ]);
    expect(insights[0]!.evidence).toContain('price_eur falls as price');
  });

  it('reports duplicate rows, a warning from 1%, saying when the count is approximate', () => {
    const [insight] = deriveInsights(dataset([], { rows: 1000, duplicateRows: 25, duplicateRowsApproximate: true }));
    expect(insight).toMatchObject({ kind: 'duplicate_rows', severity: 'warning', numbers: { duplicates: 25, share: 0.025, approximate: 'yes' } });
    expect(insight!.evidence).toContain('hash sketch');
    expect(deriveInsights(dataset([], { rows: 1000, duplicateRows: 2 }))[0]!.severity).toBe('info');
  });

  it('notices columns mixing numbers and text, but not integers with decimals', () => {
    const insights = deriveInsights(
      dataset([
        column('zip', { type: 'string', typeCounts: { integer: 90, string: 10 } }),
        column('amount', { type: 'float', typeCounts: { integer: 40, float: 60 } }),
      ]),
    );
    expect(insights.map((i) => i.id)).toEqual(['mixed_types:zip']);
    expect(insights[0]).toMatchObject({ severity: 'warning', title: 'zip mixes numbers and text', numbers: { number: 90, string: 10, minorityShare: 0.1 } });
  });
});
