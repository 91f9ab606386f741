import { describe, expect, it } from 'vitest';
import { mvpUseCase } from '#domain/use-cases/mvp/index.js';
import { processFile } from '#domain/use-cases/mvp/upload/process-file.js';
import { storeFile } from '#domain/use-cases/mvp/upload/store-file.js';
import { validateFile } from '#domain/use-cases/mvp/upload/validate-file.js';
import { runStepsWith, sha256 } from './run-steps-with.js';

const CSV = 'id,city\n1,Zürich\n2,\n';
const upToStore = [validateFile, processFile, storeFile];

describe('store_file', () => {
  it('puts the curated copy and manifest under curated/mvp/<yyyy>/<mm>/<dd>/<journey>/ by the clock’s UTC date', async () => {
    // 20:30 on 4 March in Los Angeles is 5 March in UTC.
    const run = await runStepsWith(upToStore, CSV, { now: '2026-03-04T20:30:00-08:00', journeyId: 'j-7' });
    expect(run.artifact('curated.ndjson').ref.key).toBe('curated/mvp/2026/03/05/j-7/curated.ndjson');
    expect(run.artifact('curated-manifest.json').ref.key).toBe('curated/mvp/2026/03/05/j-7/curated-manifest.json');
  });

  it('copies the normalised NDJSON and records checksums that match the bytes', async () => {
    const run = await runStepsWith(upToStore, CSV, { journeyId: 'j-7' });
    const curated = run.artifact('curated.ndjson').text;
    expect(curated).toBe(run.artifact('normalized.ndjson').text);
    expect(curated).toBe('{"id":1,"city":"Zürich"}\n{"id":2,"city":null}\n');
    expect(run.json('curated-manifest.json')).toEqual({
      useCase: 'mvp',
      journeyId: 'j-7',
      curatedOn: '2026-11-27',
      source: { bucket: 'symphainy-uploads', key: 'uploads/mvp/input.csv', versionId: 'v1', bytes: Buffer.byteLength(CSV), sha256: sha256(CSV) },
      curated: {
        bucket: 'symphainy-artifacts',
        key: 'curated/mvp/2026/11/27/j-7/curated.ndjson',
        contentType: 'application/x-ndjson',
        bytes: Buffer.byteLength(curated),
        sha256: sha256(curated),
      },
      rows: 2,
      schema: [
        { name: 'id', type: 'integer', nullable: false, nulls: 0 },
        { name: 'city', type: 'string', nullable: true, nulls: 1 },
      ],
    });
    expect(run.records[2]!.summary).toEqual({
      rows: 2,
      curatedLocation: 's3://symphainy-artifacts/curated/mvp/2026/11/27/j-7/curated.ndjson',
      manifestKey: 'curated/mvp/2026/11/27/j-7/curated-manifest.json',
      sha256: sha256(curated),
    });
  });

  it('is a no-op when redelivered later the same day', async () => {
    const first = await runStepsWith(upToStore, CSV, { now: '2026-11-27T10:00:00Z' });
    const before = await first.store.list('symphainy-artifacts', 'curated/');
    const again = await runStepsWith([storeFile], CSV, { store: first.store, records: first.records.slice(0, 2), now: '2026-11-27T23:59:00Z' });
    expect(again.records.at(-1)!.artifacts.map((a) => a.sha256)).toEqual(first.records[2]!.artifacts.map((a) => a.sha256));
    expect(await first.store.list('symphainy-artifacts', 'curated/')).toEqual(before);
  });

  it('leaves the original upload untouched', async () => {
    const run = await runStepsWith(upToStore, CSV);
    expect(run.store.text('symphainy-uploads', 'uploads/mvp/input.csv')).toBe(CSV);
    expect((await run.store.list('symphainy-uploads', '')).map((h) => h.key)).toEqual(['uploads/mvp/input.csv']);
  });

  it('is registered third in the upload journey', () => {
    expect(mvpUseCase.journeys.upload!.map((step) => step.name)).toEqual(['validate_file', 'process_file', 'store_file', 'notify_completion']);
  });
});
