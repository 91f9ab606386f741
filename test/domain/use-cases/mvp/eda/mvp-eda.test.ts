import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { mvpUseCase } from '#domain/use-cases/mvp/index.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';

/** Sensor-style readings: a regular minute series with one hour-long hole, a mostly empty column and an outlier. */
function readingsCsv(): string {
  const lines = ['reading_id,recorded_at,site,temperature_c,humidity,comment'];
  let t = Date.UTC(2026, 0, 1);
  for (let i = 1; i <= 240; i++) {
    t += i === 121 ? 3_600_000 : 60_000;
    const temperature = i === 200 ? 95.5 : 18 + (i % 7) * 0.5;
    lines.push(`${i},${new Date(t).toISOString()},${i % 3 === 0 ? 'north' : 'south'},${temperature},${40 + (i % 11)},${i % 10 === 0 ? 'checked' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('mvp EDA journey', () => {
  it('profiles the upload, classifies columns, follows time order, and finds what a data engineer should know', async () => {
    const run = await runJourneySteps(mvpUseCase, 'eda', readingsCsv(), { key: 'uploads/mvp/readings.csv' });
    expect(run.records.map((r) => [r.name, r.artifacts.map((a) => a.name)])).toEqual([
      ['load_data', ['profile.json']],
      ['explore_data', ['exploration.json']],
      ['generate_insights', ['insights.json']],
      ['create_visualizations', ['report.html', 'notification.json']],
    ]);
    const profile = run.json<DatasetProfile>('profile.json');
    expect(profile).toMatchObject({ rows: 240, format: 'csv' });
    const roles = Object.fromEntries(run.json('exploration.json').roles.map((r: { name: string; role: string }) => [r.name, r.role]));
    expect(roles).toMatchObject({ reading_id: 'identifier', recorded_at: 'timestamp', site: 'category', temperature_c: 'measure' });

    const insights = run.json<Insight[]>('insights.json');
    const ids = insights.map((i) => i.id);
    expect(ids).toContain('high_missingness:comment');
    expect(ids).toContain('timestamp_gaps:recorded_at');
    expect(ids).toContain('outliers_iqr:temperature_c');
    expect(ids).toContain('likely_identifier:reading_id');
    const gap = insights.find((i) => i.id === 'timestamp_gaps:recorded_at')!;
    expect(gap.numbers).toMatchObject({ gaps: 1, medianIntervalMs: 60_000, longestGapMs: 3_600_000, longestGapRow: 121 });

    const html = run.text('report.html');
    expect(html).toContain('<h1>readings.csv</h1>');
    expect(html).toContain('What the columns are for');
    expect(html).toContain(gap.title);
    const notice = run.json('notification.json');
    expect(notice.subject).toContain('readings.csv: data report ready');
    expect(notice.message).toContain('symphainy report j-test');
  });

  it('writes identical bytes when the journey is run again, so a redelivered step changes nothing', async () => {
    const first = await runJourneySteps(mvpUseCase, 'eda', readingsCsv());
    const second = await runJourneySteps(mvpUseCase, 'eda', readingsCsv());
    expect(second.text('report.html')).toBe(first.text('report.html'));
    expect(second.text('insights.json')).toBe(first.text('insights.json'));
  });

  it('reads gzip by content and reports the compression', async () => {
    const run = await runJourneySteps(mvpUseCase, 'eda', gzipSync(readingsCsv()), { key: 'uploads/mvp/readings.csv.gz', upTo: 'load_data' });
    expect(run.json<DatasetProfile>('profile.json')).toMatchObject({ rows: 240, compression: 'gzip' });
  });

  it('rejects a file that lies about its compression with the reader\u2019s code, so the journey fails with a named reason', async () => {
    const lying = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const error = await runJourneySteps(mvpUseCase, 'eda', lying, { key: 'uploads/mvp/x.csv.gz' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepRejection);
    expect((error as StepRejection).code).toMatch(/bad_compression|truncated_input/);
  });
});
