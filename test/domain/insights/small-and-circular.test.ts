import { describe, expect, it } from 'vitest';
import { deriveInsights } from '#domain/insights/index.js';
import { profileBytes, type DatasetProfile } from '#domain/profiling/index.js';
import { correlationHeatmapSpec, renderReport } from '#domain/reporting/index.js';

const profileOf = (text: string): Promise<DatasetProfile> => profileBytes(new TextEncoder().encode(text));
const linearKinds = ['skew', 'outliers_iqr', 'outliers_zscore', 'strong_correlation'];

describe('findings that need enough rows, and a linear scale', () => {
  it('a four-row file yields no skew and no correlation finding, and its median is interpolated', async () => {
    // Another team's tab-separated extract: four readings, two columns that move together.
    const profile = await profileOf('reading_no\tvolts\tamps\n1\t3.1\t0.2\n2\t3.3\t\n3\t3.0\t0.9\n4\t12.5\t0.1\n');
    const readingNo = profile.columns.find((c) => c.name === 'reading_no')!;
    expect(readingNo.quantiles).toMatchObject({ p25: 1.75, p50: 2.5, p75: 3.25 });
    expect(profile.columns.find((c) => c.name === 'volts')!.quantiles.p50).toBeCloseTo(3.2, 10);
    const insights = deriveInsights(profile);
    expect(insights.filter((i) => linearKinds.includes(i.kind))).toEqual([]);
    // volts and amps correlate at r = -0.8 over three rows: too few to draw, let alone to report.
    expect(profile.correlations.find((c) => c.a === 'volts' && c.b === 'amps')?.n).toBe(3);
    const page = await renderReport({
      fileName: 'four.tsv',
      sourceUri: 's3://b/four.tsv',
      useCaseTitle: 't',
      journeyId: 'j',
      generatedAt: '2026-01-01T00:00:00Z',
      profile,
      insights,
    });
    expect(page).not.toContain('Pearson r over');
    expect(page).toContain('too few for a correlation');
  });

  it('the same shape over enough rows does yield them, with n stated', async () => {
    const rows = ['reading_no,volts,amps'];
    for (let i = 0; i < 61; i++) rows.push(`${i + 1},${Math.exp(i / 8).toFixed(2)},${(0.1 + i * 0.01).toFixed(3)}`);
    const insights = deriveInsights(await profileOf(`${rows.join('\n')}\n`));
    const skew = insights.find((i) => i.kind === 'skew' && i.columns[0] === 'volts');
    expect(skew?.numbers['n']).toBe(61);
    expect(skew?.evidence).toContain('over 61 values');
  });

  it('a heading column yields no linear finding; latitude and longitude neither; speed still does', async () => {
    // Headings bunch around north, wrapping from 350° to 10°: a linear mean of about 180° is meaningless.
    const rows = ['unit;heading_deg;gps_lat;gps_lng;speed_kmh'];
    for (let i = 0; i < 200; i++) {
      const heading = i % 4 === 0 ? 350 + (i % 10) : (i * 3) % 12;
      const speed = i === 199 ? 400 : 40 + (i % 9);
      rows.push(`U1;${heading};${(48.1 + i * 0.001).toFixed(5)};${(11.5 + i * 0.0011).toFixed(5)};${speed}`);
    }
    const profile = await profileOf(`${rows.join('\n')}\n`);
    expect(profile.columns.find((c) => c.name === 'heading_deg')!.scale).toBe('circular');
    expect(profile.columns.find((c) => c.name === 'gps_lat')!.scale).toBe('geographic');
    const involved = (name: string) => deriveInsights(profile).filter((i) => linearKinds.includes(i.kind) && i.columns.includes(name));
    expect(involved('heading_deg')).toEqual([]);
    expect(involved('gps_lat')).toEqual([]);
    expect(involved('gps_lng')).toEqual([]);
    expect(profile.correlations.filter((c) => [c.a, c.b].some((n) => ['heading_deg', 'gps_lat', 'gps_lng'].includes(n)))).toEqual([]);
    expect(correlationHeatmapSpec(profile.correlations)).toBeUndefined();
    expect(involved('speed_kmh').map((i) => i.kind)).toContain('outliers_iqr');
  });

  it('an id column gets no histogram, correlation or top-value chart', async () => {
    const rows = ['customer_id,basket_eur,items'];
    for (let i = 0; i < 50; i++) rows.push(`${1000 + i},${(10 + i * 1.7).toFixed(2)},${1 + (i % 6)}`);
    const profile = await profileOf(`${rows.join('\n')}\n`);
    expect(profile.columns.find((c) => c.name === 'customer_id')!.identifier).toBe(true);
    expect(profile.correlations.map((c) => `${c.a}~${c.b}`)).toEqual(['basket_eur~items']);
    const page = await renderReport({
      fileName: 'baskets.csv',
      sourceUri: 's3://b/baskets.csv',
      useCaseTitle: 't',
      journeyId: 'j',
      generatedAt: '2026-01-01T00:00:00Z',
      profile,
      insights: deriveInsights(profile),
    });
    const card = page.slice(page.indexOf('<h3>customer_id</h3>'), page.indexOf('</article>', page.indexOf('<h3>customer_id</h3>')));
    expect(card).not.toContain('<svg');
    expect(card).toContain('An identifier');
  });

  it('a key with a few values (a store number on every row) gets rows per value, not a histogram', async () => {
    const rows = ['store_no,basket_eur'];
    for (let i = 0; i < 60; i++) rows.push(`${1 + (i % 15)},${(10 + i * 1.7).toFixed(2)}`);
    const profile = await profileOf(`${rows.join('\n')}\n`);
    const page = await renderReport({
      fileName: 's.csv',
      sourceUri: 's3://b/s.csv',
      useCaseTitle: 't',
      journeyId: 'j',
      generatedAt: '2026-01-01T00:00:00Z',
      profile,
      insights: deriveInsights(profile),
    });
    const card = page.slice(page.indexOf('<h3>store_no</h3>'), page.indexOf('</article>', page.indexOf('<h3>store_no</h3>')));
    expect(card).toContain('<svg');
    // Top values with the rest as one bar, as a category gets; a histogram has no such bar.
    expect(card).toContain('(all other values)');
    expect(profile.correlations).toEqual([]);
  });
});
