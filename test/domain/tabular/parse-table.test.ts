import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { parseTable, rejectViolations } from '#domain/tabular/index.js';
import { rejectionOf, utf8 } from './bytes.js';

const parse = (text: string) => parseTable(utf8(text));

describe('parseTable: delimited text', () => {
  it('splits a CSV into trimmed column names, rows and the line each row starts on', () => {
    const table = parse(' id , name \n1,Ann\n2,Bo\n');
    expect(table).toMatchObject({ format: 'csv', delimiter: ',', hadBom: false, columns: ['id', 'name'], violations: [] });
    expect(table.rows).toEqual([
      ['1', 'Ann'],
      ['2', 'Bo'],
    ]);
    expect(table.rowLines).toEqual([2, 3]);
  });

  it('gives CRLF files the same cells and lines as LF files', () => {
    const lf = parse('a,b\n1,2\n3,4\n');
    const crlf = parse('a,b\r\n1,2\r\n3,4\r\n');
    expect(crlf.rows).toEqual(lf.rows);
    expect(crlf.rowLines).toEqual([2, 3]);
    expect(crlf.violations).toEqual([]);
  });

  it('numbers lines in files using lone CR line endings', () => {
    const table = parse('a,b\r1,2\r3\r');
    expect(table.rowLines).toEqual([2, 3]);
    expect(table.violations).toEqual([{ line: 3, code: 'ragged_rows', message: 'expected 2 fields, found 1' }]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const table = parse('id,address,note\n1,"12 Main St, Springfield","said ""hi"""\n2,"line one\nline two",\n');
    expect(table.rows).toEqual([
      ['1', '12 Main St, Springfield', 'said "hi"'],
      ['2', 'line one\nline two', ''],
    ]);
    expect(table.violations).toEqual([]);
  });

  it('strips a byte-order mark so the first column name is clean', () => {
    const table = parseTable(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,name\n1,Ann\n')]));
    expect(table.hadBom).toBe(true);
    expect(table.columns).toEqual(['id', 'name']);
  });

  it('reads TSV, where commas are ordinary characters', () => {
    const table = parse('name\tcity\nAnn\tParis, France\n');
    expect(table).toMatchObject({ format: 'tsv', columns: ['name', 'city'], rows: [['Ann', 'Paris, France']] });
  });

  it('skips blank and whitespace-only lines without shifting line numbers', () => {
    const table = parse('\na,b\n\n1,2\n   \n3,4\n\n');
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.rowLines).toEqual([4, 6]);
    expect(table.violations).toEqual([]);
  });
});

describe('parseTable: violations name their line', () => {
  it('reports a ragged row on its own line even after a quoted field spanning two lines', () => {
    const text = ['a,b,c', '1,2,3', '4,"two', 'lines",6', '7,8,9', '10,11,12', '13,14', '15,16,17', ''].join('\n');
    expect(parse(text).violations).toEqual([{ line: 7, code: 'ragged_rows', message: 'expected 3 fields, found 2' }]);
  });

  it('reports every ragged row, short and long', () => {
    const table = parse('a,b\n1\n2,3\n4,5,6\n');
    expect(table.violations.map((v) => [v.line, v.message])).toEqual([
      [2, 'expected 2 fields, found 1'],
      [4, 'expected 2 fields, found 3'],
    ]);
  });

  it('reports an unterminated quote on the line where the quote opens', () => {
    const table = parse('a,b\n1,2\n3,4\n5,"never closed\n6,7\n');
    expect(table.violations).toEqual([{ line: 4, code: 'unterminated_quote', message: 'a quoted field is never closed' }]);
  });

  it('reports a missing header when the first line is data', () => {
    expect(parse('1,2.5,3\n4,5,6\n').violations).toEqual([{ line: 1, code: 'missing_header', message: 'the first line holds values, not column names' }]);
  });

  it('reports each unnamed column and each duplicate name', () => {
    const table = parse('id,,name,id\n1,2,3,4\n');
    expect(table.violations).toEqual([
      { line: 1, code: 'missing_header', message: 'column 2 has no name' },
      { line: 1, code: 'duplicate_header', message: 'column name "id" appears twice' },
    ]);
  });

  it('reports a header with no data rows on the following line', () => {
    expect(parse('a,b\n').violations).toEqual([{ line: 2, code: 'no_data_rows', message: 'the header is not followed by any data row' }]);
  });
});

describe('parseTable: JSON and NDJSON', () => {
  it('reads a JSON array of objects; fields a record lacks are null; element lines are their own', () => {
    const table = parse('[\n  {"id": 1, "name": "Ann"},\n  {"id": 2, "tags": ["x"], "ok": true}\n]\n');
    expect(table.format).toBe('json');
    expect(table.columns).toEqual(['id', 'name', 'tags', 'ok']);
    expect(table.rows).toEqual([
      ['1', 'Ann', null, null],
      ['2', null, '["x"]', 'true'],
    ]);
    expect(table.rowLines).toEqual([2, 3]);
  });

  it('names the line of an array element that is not an object', () => {
    const table = parse('[\n  {"id": 1},\n  {"id": 2},\n  42\n]');
    expect(table.violations).toEqual([{ line: 4, code: 'invalid_json', message: 'element 2 is not an object' }]);
  });

  it('names the line of a JSON syntax error, including errors V8 gives no position for', () => {
    // "Expected ',' or '}'" comes with a position...
    expect(parse('[\n  {"id": 1},\n  {"id": 2 "x": 3}\n]').violations[0]).toMatchObject({ line: 3, code: 'invalid_json' });
    // ...but "Unexpected token" does not.
    expect(parse('[\n  {"id": 1},\n  {"id": 2},\n  {"id": nope}\n]').violations[0]).toMatchObject({ line: 4, code: 'invalid_json' });
    // A truncated file breaks at its end.
    expect(parse('[\n  {"id": 1},\n  {"id": 2').violations[0]).toMatchObject({ line: 3, code: 'invalid_json' });
  });

  it('reads NDJSON line by line, reporting each bad line and skipping blank ones', () => {
    const table = parse('{"id":1}\r\n\n{"id":2,"name":"Bo"}\nnot json\n{"id":4}\n[5]\n');
    expect(table.format).toBe('ndjson');
    expect(table.columns).toEqual(['id', 'name']);
    expect(table.rows).toEqual([
      ['1', null],
      ['2', 'Bo'],
      ['4', null],
    ]);
    expect(table.rowLines).toEqual([1, 3, 5]);
    expect(table.violations.map((v) => [v.line, v.code])).toEqual([
      [4, 'invalid_json'],
      [6, 'invalid_json'],
    ]);
  });

  it('reports an empty JSON array as having no data rows', () => {
    expect(parse('[]').violations).toEqual([{ line: 1, code: 'no_data_rows', message: 'no records' }]);
  });
});

describe('rejectViolations', () => {
  it('throws the first violation’s code with every violation in the details', () => {
    const rejection = rejectionOf(() => rejectViolations(parse('a,b\n1,2,3\n"x,y\n')));
    expect(rejection).toBeInstanceOf(StepRejection);
    expect(rejection.code).toBe('ragged_rows');
    expect(rejection.details).toEqual(['line 2: expected 2 fields, found 3', 'line 3: a quoted field is never closed']);
    expect(rejection.message).toContain('first at line 2');
  });

  it('caps the details at 100 and says how many more there are', () => {
    const text = `a,b\n${'1\n'.repeat(130)}`;
    const rejection = rejectionOf(() => rejectViolations(parse(text)));
    expect(rejection.details).toHaveLength(101);
    expect(rejection.details[100]).toBe('... and 30 more');
  });

  it('returns quietly for a clean table', () => {
    expect(() => rejectViolations(parse('a\n1\n'))).not.toThrow();
  });
});

describe('parseTable: nesting', () => {
  it('takes nested values up to the depth limit (the array and the record count too) as JSON text cells', () => {
    const nested = `${'['.repeat(62)}1${']'.repeat(62)}`;
    expect(parse(`[{"a":${nested}}]`).rows).toEqual([[nested]]);
  });

  it('refuses deeper nesting by name, with its line, in JSON and NDJSON, and counts no brackets inside strings', () => {
    const deep = `{"a":${'['.repeat(64)}${']'.repeat(64)}}`;
    expect(parse(`[\n${deep}\n]`).violations).toEqual([{ line: 2, code: 'json_too_deep', message: 'values nest more than 64 levels deep' }]);
    expect(parse(`{"a":1}\n${deep}\n`).violations.map((v) => v.code)).toEqual(['json_too_deep']);
    expect(parse(`[{"a":"${'['.repeat(500)}"}]`).violations).toEqual([]);
  });
});
