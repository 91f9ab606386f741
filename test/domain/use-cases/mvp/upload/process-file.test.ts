import { describe, expect, it } from 'vitest';
import { mvpUseCase } from '#domain/use-cases/mvp/index.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';

const CSV = [
  '\ufeff id ,name,score,joined,active,fax',
  '1,"Łódź, Poland",7,2024-02-29,true,',
  '2,"two',
  'lines",7.5,2024-03-01,FALSE,',
  '3,,,2024-03-02,,',
  '',
].join('\r\n');

describe('process_file', () => {
  it('writes typed NDJSON under trimmed names at processed/mvp/<journey>/<stem>.ndjson', async () => {
    const run = await runJourneySteps(mvpUseCase, 'upload', CSV, { key: 'uploads/mvp/team/members.v2.csv', journeyId: 'j-42', upTo: 'process_file' });
    const normalized = run.records[1]!.artifacts.find((a) => a.name === 'normalized.ndjson')!;
    expect(normalized).toMatchObject({ key: 'processed/mvp/j-42/members.v2.ndjson', contentType: 'application/x-ndjson', bucket: 'symphainy-artifacts' });
    expect(run.text('normalized.ndjson')).toBe(
      [
        '{"id":1,"name":"Łódź, Poland","score":7,"joined":"2024-02-29","active":true,"fax":null}',
        '{"id":2,"name":"two\\r\\nlines","score":7.5,"joined":"2024-03-01","active":false,"fax":null}',
        '{"id":3,"name":null,"score":null,"joined":"2024-03-02","active":null,"fax":null}',
        '',
      ].join('\n'),
    );
  });

  it('writes the schema with types, nullability and null counts', async () => {
    const run = await runJourneySteps(mvpUseCase, 'upload', CSV, { upTo: 'process_file' });
    expect(run.json('schema.json')).toEqual({
      rows: 3,
      columns: [
        { name: 'id', type: 'integer', nullable: false, nulls: 0 },
        { name: 'name', type: 'string', nullable: true, nulls: 1 },
        { name: 'score', type: 'float', nullable: true, nulls: 1 },
        { name: 'joined', type: 'date', nullable: false, nulls: 0 },
        { name: 'active', type: 'boolean', nullable: true, nulls: 1 },
        { name: 'fax', type: 'empty', nullable: true, nulls: 3 },
      ],
    });
    expect(run.records[1]!.summary).toEqual({
      rows: 3,
      columns: 6,
      columnTypes: 'id (integer), name (string), score (float), joined (date), active (boolean), fax (empty)',
      emptyColumns: '"fax"',
      shards: 1,
      workers: 1,
    });
  });

  it('normalises JSON records the same way, nested values as JSON text', async () => {
    const run = await runJourneySteps(mvpUseCase, 'upload', '[{"id": 1, "at": "2024-01-05T10:00:00+01:00", "tags": ["a"]}, {"id": 2.5, "at": null}]', {
      key: 'uploads/mvp/x.json',
      upTo: 'process_file',
    });
    expect(run.text('normalized.ndjson')).toBe('{"id":1,"at":"2024-01-05T09:00:00.000Z","tags":"[\\"a\\"]"}\n{"id":2.5,"at":null,"tags":null}\n');
  });
});
