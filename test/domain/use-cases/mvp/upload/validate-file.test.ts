import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { mvpUseCase } from '#domain/use-cases/mvp/index.js';
import { validateFile } from '#domain/use-cases/mvp/upload/validate-file.js';
import { InMemoryObjectStore } from '../../../../support/in-memory-object-store.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { runStepsWith } from './run-steps-with.js';

const validate = (body: string | Uint8Array, key = 'uploads/mvp/input.csv') => runJourneySteps(mvpUseCase, 'upload', body, { key, upTo: 'validate_file' });

describe('validate_file', () => {
  it('reports what it established about an accepted file', async () => {
    const run = await validate('\ufeffid,name\r\n1,"Ann, the first"\r\n2,Bo\r\n');
    expect(run.json('validation-report.json')).toEqual({
      file: 'input.csv',
      format: 'csv',
      delimiter: ',',
      hadBom: true,
      bytes: 38,
      rows: 2,
      columns: ['id', 'name'],
      checks: [
        { check: 'size_within_limit', passed: true, detail: '38 bytes; the limit is 5368709120' },
        { check: 'utf8_text', passed: true, detail: 'UTF-8 text with a byte-order mark' },
        { check: 'format_detected', passed: true, detail: 'CSV delimited by ","' },
        { check: 'header_present', passed: true, detail: 'a header of 2 distinct column names' },
        { check: 'consistent_columns', passed: true, detail: 'every row has 2 fields' },
        { check: 'has_data_rows', passed: true, detail: '2 data rows' },
      ],
      formulaLikeCells: { count: 0, examples: [] },
      decimalComma: [],
    });
    expect(run.records[0]!.summary).toEqual({ format: 'csv', hadBom: true, bytes: 38, rows: 2, columns: 2, formulaLikeCells: 0, shards: 1, workers: 1 });
  });

  it.each([
    ['TSV', 'a\tb\n1\t2\n3\t4\n', 'tsv'],
    ['JSON', '[{"a":1,"b":2},\n{"a":3}]', 'json'],
    ['NDJSON', '{"a":1}\n{"b":2}\n', 'ndjson'],
  ])('accepts %s', async (_label, body, format) => {
    expect((await validate(body)).json('validation-report.json')).toMatchObject({ format, rows: 2, columns: ['a', 'b'] });
  });

  it.each([
    ['empty_file', '', 'line 1: the file has no content'],
    ['binary_file', 'a,b\n1,\u0000\n', 'line 2: NUL byte'],
    ['missing_header', '1,2\n3,4\n', 'line 1: the first line holds values, not column names'],
    ['duplicate_header', 'id,name,id\n1,2,3\n', 'line 1: column name "id" appears twice'],
    ['ragged_rows', 'a,b\n1,"x\ny"\n1,2\n3\n', 'line 5: expected 2 fields, found 1'],
    ['unterminated_quote', 'a,b\n1,2\n3,"oops\n', 'line 3: a quoted field is never closed'],
    ['invalid_json', '{"a":1}\n{"a":\n', 'line 2: not a JSON object'],
    ['no_data_rows', 'a,b\n', 'line 2: the header is not followed by any data row'],
  ])('rejects %s with the line of the problem', async (code, body, detail) => {
    const rejection = await validate(body).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(StepRejection);
    expect(rejection).toMatchObject({ code });
    expect((rejection as StepRejection).details.some((line) => line.startsWith(detail))).toBe(true);
  });

  it('rejects bytes that are not UTF-8, naming the line', async () => {
    const body = new Uint8Array([...new TextEncoder().encode('id,city\n1,Paris\n2,Montr'), 0xe9, ...new TextEncoder().encode('al\n')]);
    await expect(validate(body)).rejects.toMatchObject({ code: 'invalid_utf8', details: ['line 3: byte 0xe9 is not valid UTF-8'] });
  });

  it('rejects JSON field names that clash or vanish once trimmed', async () => {
    await expect(validate('{"id":1," id":2}\n')).rejects.toMatchObject({
      code: 'duplicate_header',
      details: ['line 1: field name "id" appears twice once spaces are trimmed'],
    });
    await expect(validate('[\n{"":1,"b":2}\n]')).rejects.toMatchObject({ code: 'missing_header', details: ['line 2: a field has an empty name'] });
  });

  it('rejects a file over the size limit before reading it', async () => {
    await expect(runStepsWith([validateFile], 'a,b\n1,2\n', { config: { maxUploadBytes: 5 } })).rejects.toMatchObject({ code: 'file_too_large' });
  });

  it('writes nothing for a rejected file', async () => {
    const store = new InMemoryObjectStore();
    await store.put('symphainy-uploads', 'uploads/mvp/input.csv', 'a,b\n1\n');
    await expect(runStepsWith([validateFile], 'a,b\n1\n', { store })).rejects.toMatchObject({ code: 'ragged_rows' });
    expect(await store.list('symphainy-artifacts', '')).toEqual([]);
  });
});
