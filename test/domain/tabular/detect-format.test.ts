import { describe, expect, it } from 'vitest';
import { detectFormat } from '#domain/tabular/index.js';

describe('detectFormat', () => {
  it.each([
    ['CSV', 'id,name,city\n1,Ann,Oslo\n', { format: 'csv', delimiter: ',' }],
    ['TSV', 'id\tname\tcity\n1\tAnn\tOslo\n', { format: 'tsv', delimiter: '\t' }],
    ['semicolon CSV (European spreadsheets)', 'id;name;amount\n1;Ann;3,5\n', { format: 'csv', delimiter: ';' }],
    ['pipe-delimited', 'id|name\n1|Ann\n', { format: 'csv', delimiter: '|' }],
    ['a JSON array', '  [\n {"id": 1}\n]', { format: 'json' }],
    ['NDJSON', '{"id":1}\n{"id":2}\n', { format: 'ndjson' }],
    ['a single column', 'name\nAnn\n', { format: 'csv', delimiter: ',' }],
  ])('recognises %s', (_label, text, expected) => {
    expect(detectFormat(text)).toEqual(expected);
  });

  it('ignores delimiters inside quotes in the header', () => {
    // Two tabs outside quotes beat three commas inside them.
    expect(detectFormat('"a,b,c,d"\tx\ty\n1\t2\t3\n')).toEqual({ format: 'tsv', delimiter: '\t' });
  });

  it('reads the header with CRLF line endings', () => {
    expect(detectFormat('a\tb\r\n1\t2\r\n')).toEqual({ format: 'tsv', delimiter: '\t' });
  });

  it('looks past blank lines before the header', () => {
    expect(detectFormat('\n\r\n  \na\tb\n1\t2\n')).toEqual({ format: 'tsv', delimiter: '\t' });
  });
});
