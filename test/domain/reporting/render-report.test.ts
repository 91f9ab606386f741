import { describe, expect, it } from 'vitest';
import { deriveInsights } from '#domain/insights/index.js';
import { barChartSpec, correlationHeatmapSpec, rangeChartSpec, renderChart, renderReport, type ReportInput } from '#domain/reporting/index.js';
import { column, dataset, numericColumn } from '../insights/profile-builder.js';

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

function sampleInput(): ReportInput {
  const profile = dataset(
    [
      numericColumn(
        'order_id',
        range(200, (i) => i + 1),
      ),
      numericColumn(
        'total',
        range(200, (i) => Math.round(Math.exp(i / 40) * 100) / 100),
        { distinct: 190 },
      ),
      column('status', {
        count: 200,
        distinct: 3,
        topK: [
          { value: 'paid', count: 150 },
          { value: 'open', count: 40 },
          { value: 'refunded', count: 10 },
        ],
      }),
      column('note', {
        count: 60,
        nulls: 140,
        distinct: 2,
        topK: [
          { value: '<script>alert(1)</script>', count: 50 },
          { value: 'gift', count: 10 },
        ],
      }),
    ],
    { rows: 200, correlations: [{ a: 'order_id', b: 'total', pearson: 0.91, n: 200 }], missingCooccurrence: [] },
  );
  return {
    fileName: 'orders & refunds.csv',
    sourceUri: 's3://uploads/uploads/mvp/orders & refunds.csv',
    useCaseTitle: 'General data file',
    journeyId: 'j-0123456789abcdef0123',
    generatedAt: '2026-03-02T07:40:00.000Z',
    profile,
    insights: deriveInsights(profile),
    sections: [
      {
        id: 'extra',
        title: 'A use-case section',
        intro: 'Domain figures.',
        blocks: [
          { kind: 'figures', items: [{ label: 'Loss ratio', value: '64%' }] },
          { kind: 'table', columns: ['segment', 'claims'], rows: [['auto', 12]], numeric: [false, true] },
        ],
      },
    ],
  };
}

describe('the HTML report', () => {
  it('is one self-contained page: inline CSS and SVG, no script, nothing fetched', async () => {
    const page = await renderReport(sampleInput());
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|src=|@import|url\([^#]/i);
    expect(page.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, '')).not.toMatch(/https?:\/\//);
    // A histogram for the numbers, top values for the text, the missingness chart and the heatmap.
    expect(page.match(/<svg /g)!.length).toBeGreaterThanOrEqual(6);
    // Clip paths and gradients of different charts must not collide on one page.
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the profile, the findings with their numbers, and the use case section', async () => {
    const page = await renderReport(sampleInput());
    expect(page).toContain('<h1>orders &amp; refunds.csv</h1>');
    expect(page).toContain('note is 70% missing');
    expect(page).toContain('order_id looks like an identifier');
    expect(page).toContain('total is right-skewed');
    expect(page).toContain('A use-case section');
    expect(page).toContain('Loss ratio');
    expect(page).toContain('j-0123456789abcdef0123');
    for (const name of ['order_id', 'total', 'status', 'note']) expect(page).toContain(`<h3>${name}</h3>`);
  });

  it('escapes whatever the data holds', async () => {
    const page = await renderReport(sampleInput());
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('renders the same bytes every time, so a retried step rewrites an identical artifact', async () => {
    expect(await renderReport(sampleInput())).toBe(await renderReport(sampleInput()));
  });
});

describe('charts', () => {
  it('render to SVG without a browser, with labels as text', async () => {
    const svg = await renderChart(
      barChartSpec(
        [
          { label: 'motor', value: 0.64 },
          { label: 'home', value: 0.41 },
        ],
        { valueTitle: 'loss ratio', format: '.0%', reference: { value: 1, label: 'break-even' } },
      ),
    );
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('motor');
    expect(svg).toContain('break-even');
    const box = await renderChart(rangeChartSpec([{ label: 'AV-01', p5: 0, p25: 20, p50: 40, p75: 60, p95: 90 }], { valueTitle: 'km/h' }));
    expect(box).toContain('AV-01');
  });

  it('keeps a heatmap readable: the most correlated columns when there are too many', () => {
    const names = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const correlations = names.flatMap((a, i) => names.slice(i + 1).map((b) => ({ a, b, pearson: a === 'c29' || b === 'c29' ? 0.99 : 0.01, n: 100 })));
    const spec = correlationHeatmapSpec(correlations) as { data: { values: { a: string }[] } };
    const shown = new Set(spec.data.values.map((v) => v.a));
    expect(shown.size).toBe(20);
    expect(shown.has('c29')).toBe(true);
    expect(correlationHeatmapSpec([])).toBeUndefined();
  });
});
