import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { mvpUseCase } from '#domain/use-cases/mvp/index.js';
import { mvpSampleRecords } from '#domain/use-cases/mvp/samples/mvp-samples.js';
import type { SampleRecord } from '#domain/use-cases/mvp/samples/sample-record.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { sha256 } from '../upload/run-steps-with.js';

const SEED = 20261127;
const samples = mvpUseCase.samples(SEED);
const sample = (fileName: string) => samples.find((s) => s.fileName === fileName)!;
const run = (fileName: string) => runJourneySteps(mvpUseCase, 'upload', sample(fileName).body, { key: `uploads/mvp/${fileName}`, journeyId: 'j-sample' });
const ndjsonRows = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as SampleRecord);

describe('mvp samples: the set', () => {
  it('has the good and bad files the use case promises, with unique names', () => {
    expect(samples.map((s) => [s.fileName, s.expect])).toEqual([
      ['mvp-customers.csv', { status: 'completed' }],
      ['mvp-orders.tsv', { status: 'completed' }],
      ['mvp-events.ndjson', { status: 'completed' }],
      ['mvp-products.json', { status: 'completed' }],
      ['mvp-customers-bom.csv', { status: 'completed' }],
      ['mvp-empty.csv', { status: 'failed', code: 'empty_file' }],
      ['mvp-binary.csv', { status: 'failed', code: 'binary_file' }],
      ['mvp-ragged.csv', { status: 'failed', code: 'ragged_rows' }],
      ['mvp-unterminated-quote.csv', { status: 'failed', code: 'unterminated_quote' }],
      ['mvp-missing-header.csv', { status: 'failed', code: 'missing_header' }],
    ]);
  });

  it('is identical for the same seed and different for another', () => {
    expect(mvpUseCase.samples(SEED)).toEqual(samples);
    expect(mvpUseCase.samples(SEED + 1).find((s) => s.fileName === 'mvp-customers.csv')!.body).not.toBe(sample('mvp-customers.csv').body);
  });

  it('makes the customer CSV as hard as real exports: quoted commas and line breaks, non-ASCII, empty cells', () => {
    const { body } = sample('mvp-customers.csv');
    const records = mvpSampleRecords(SEED).customers;
    expect(records).toHaveLength(300);
    expect(body).toMatch(/"[^"\n]*,[^"\n]*"/);
    expect(body).toMatch(/"[^"]*\n[^"]*"/);
    expect([...body].some((ch) => ch.codePointAt(0)! > 0x7f)).toBe(true);
    expect(body).toMatch(/,\n/);
    expect(records.some((r) => r.notes === null)).toBe(true);
  });
});

describe('mvp samples: good files complete with real content', () => {
  it.each([
    ['mvp-customers.csv', 'customers', 'csv'],
    ['mvp-orders.tsv', 'orders', 'tsv'],
    ['mvp-events.ndjson', 'events', 'ndjson'],
    ['mvp-products.json', 'products', 'json'],
    ['mvp-customers-bom.csv', 'bomContacts', 'csv'],
  ] as const)('%s: curated rows equal the input records with typed values', async (fileName, recordsName, format) => {
    const result = await run(fileName);
    const expected = mvpSampleRecords(SEED)[recordsName];
    expect(result.json('validation-report.json')).toMatchObject({ format, rows: expected.length, hadBom: fileName.includes('bom') });
    const curated = result.text('curated.ndjson');
    expect(ndjsonRows(curated)).toEqual(expected);
    expect(result.text('normalized.ndjson')).toBe(curated);
  });

  it('manifest checksums equal the SHA-256 of the curated bytes and of the original upload', async () => {
    for (const fileName of ['mvp-customers.csv', 'mvp-customers-bom.csv', 'mvp-products.json']) {
      const result = await run(fileName);
      const manifest = result.json('curated-manifest.json');
      const curatedRef = result.records[2]!.artifacts.find((a) => a.name === 'curated.ndjson')!;
      const curatedBytes = (await result.store.get(curatedRef.bucket, curatedRef.key))!.body;
      expect(manifest.curated.sha256).toBe(sha256(curatedBytes));
      expect(manifest.curated.bytes).toBe(curatedBytes.byteLength);
      expect(manifest.source.sha256).toBe(sha256(sample(fileName).body));
      expect(manifest.rows).toBe(result.json('schema.json').rows);
    }
  });

  it('lays the curated copy out by the clock’s date and names the processed copy after the upload', async () => {
    const result = await run('mvp-customers.csv');
    const keys = Object.fromEntries(result.records.flatMap((r) => r.artifacts).map((a) => [a.name, a.key]));
    expect(keys).toEqual({
      'validation-report.json': 'journeys/j-sample/validate_file/validation-report.json',
      'inferred-schema.json': 'journeys/j-sample/validate_file/inferred-schema.json',
      'normalized.ndjson': 'processed/mvp/j-sample/mvp-customers.ndjson',
      'schema.json': 'journeys/j-sample/process_file/schema.json',
      'curated.ndjson': 'curated/mvp/2026/11/27/j-sample/curated.ndjson',
      'curated-manifest.json': 'curated/mvp/2026/11/27/j-sample/curated-manifest.json',
      'notification.json': 'journeys/j-sample/notify_completion/notification.json',
    });
  });

  it.each([
    [
      'mvp-customers.csv',
      {
        customer_id: 'integer',
        full_name: 'string',
        email: 'string',
        address: 'string',
        signup_date: 'date',
        lifetime_value: 'float',
        is_active: 'boolean',
        notes: 'string',
      },
    ],
    [
      'mvp-orders.tsv',
      { order_id: 'integer', customer_id: 'integer', ordered_at: 'datetime', amount: 'float', currency: 'string', status: 'string', fax: 'empty' },
    ],
    ['mvp-events.ndjson', { event_id: 'string', customer_id: 'integer', kind: 'string', occurred_at: 'datetime', amount: 'float', mobile: 'boolean' }],
    ['mvp-products.json', { sku: 'string', name: 'string', price: 'float', in_stock: 'boolean', released: 'date', weight_kg: 'float' }],
  ])('%s: schema types', async (fileName, types) => {
    const schema = (await run(fileName)).json('schema.json');
    expect(Object.fromEntries(schema.columns.map((c: { name: string; type: string }) => [c.name, c.type]))).toEqual(types);
  });

  it('the customer amounts widen from integer to float, and the notes count their empty cells', async () => {
    const records = mvpSampleRecords(SEED).customers;
    expect(records.some((r) => Number.isInteger(r.lifetime_value))).toBe(true);
    const schema = (await run('mvp-customers.csv')).json('schema.json');
    expect(schema.columns.find((c: { name: string }) => c.name === 'notes')).toEqual({
      name: 'notes',
      type: 'string',
      nullable: true,
      nulls: records.filter((r) => r.notes === null).length,
    });
  });

  it('the orders notification warns about the empty fax column', async () => {
    const notification = (await run('mvp-orders.tsv')).json('notification.json');
    expect(notification.subject).toBe('Processed mvp-orders.tsv: 120 rows, 7 columns, 1 warning');
    expect(notification.message).toContain('- No value in any row for "fax"; kept with every value null.');
  });

  it('produces byte-identical artifacts when the same input runs again', async () => {
    const texts = async () => {
      const result = await run('mvp-customers.csv');
      return result.records.flatMap((r) => r.artifacts.map((a) => [a.key, a.sha256]));
    };
    expect(await texts()).toEqual(await texts());
  });
});

describe('mvp samples: bad files are rejected with their code and line', () => {
  it.each([
    ['mvp-empty.csv', 'empty_file', ['line 1: the file has no content']],
    ['mvp-binary.csv', 'binary_file', ['line 3: NUL byte']],
    ['mvp-ragged.csv', 'ragged_rows', ['line 7: expected 4 fields, found 3', 'line 10: expected 4 fields, found 5']],
    ['mvp-unterminated-quote.csv', 'unterminated_quote', ['line 5: a quoted field is never closed']],
    ['mvp-missing-header.csv', 'missing_header', ['line 1: the first line holds values, not column names']],
  ])('%s -> %s', async (fileName, code, details) => {
    expect(sample(fileName).expect).toEqual({ status: 'failed', code });
    const rejection = await run(fileName).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(StepRejection);
    expect(rejection).toMatchObject({ code, details });
  });

  it('rejects them in validate_file, before anything is derived', async () => {
    for (const s of samples.filter((s) => s.expect.status !== 'completed')) {
      const rejection = await runJourneySteps(mvpUseCase, 'upload', s.body, { upTo: 'validate_file' }).catch((error: unknown) => error);
      expect(rejection, s.fileName).toBeInstanceOf(StepRejection);
    }
  });
});
