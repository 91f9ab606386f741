import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { parseTable } from '#domain/tabular/index.js';
import { streamRecords } from '#domain/insights/records/index.js';
import { profileBytes } from '#domain/profiling/index.js';

/**
 * The upload journey reads a whole table, the EDA passes stream its records and the profile counts
 * them: on every well-formed file each must see the same format, columns and cells, however the
 * bytes are cut into chunks. Hand-written edge cases in the spirit of csv-spectrum.
 */
const cases: [label: string, text: string, expected: { delimiter?: string; columns: string[]; rows: (string | null)[][] }][] = [
  ['quoted delimiters and doubled quotes', 'a,b\n"x, y","say ""hi"""\n', { delimiter: ',', columns: ['a', 'b'], rows: [['x, y', 'say "hi"']] }],
  [
    'a line break inside quotes (LF and CRLF)',
    'id,note\r\n1,"two\nlines"\r\n2,"three\r\nlines"\r\n',
    {
      delimiter: ',',
      columns: ['id', 'note'],
      rows: [
        ['1', 'two\nlines'],
        ['2', 'three\r\nlines'],
      ],
    },
  ],
  [
    'CR-only line ends (old spreadsheets)',
    'id,name\r1,Ann\r2,Bo\r',
    {
      delimiter: ',',
      columns: ['id', 'name'],
      rows: [
        ['1', 'Ann'],
        ['2', 'Bo'],
      ],
    },
  ],
  ['no line break at the end', 'id,name\n1,Ann', { delimiter: ',', columns: ['id', 'name'], rows: [['1', 'Ann']] }],
  ['a byte-order mark', '\uFEFFid,name\n1,Ann\n', { delimiter: ',', columns: ['id', 'name'], rows: [['1', 'Ann']] }],
  [
    'blank lines between rows',
    'id,name\n\n1,Ann\n\n\n2,Bo\n',
    {
      delimiter: ',',
      columns: ['id', 'name'],
      rows: [
        ['1', 'Ann'],
        ['2', 'Bo'],
      ],
    },
  ],
  ['a line holding only spaces', 'id,name\n   \n1,Ann\n \t\n', { delimiter: ',', columns: ['id', 'name'], rows: [['1', 'Ann']] }],
  [
    'empty and quoted-empty cells',
    'a,b,c\n1,,""\n,2,\n',
    {
      delimiter: ',',
      columns: ['a', 'b', 'c'],
      rows: [
        ['1', null, null],
        [null, '2', null],
      ],
    },
  ],
  [
    'semicolons with decimal commas',
    'id;amount\n1;"3,5"\n2;4,25\n',
    {
      delimiter: ';',
      columns: ['id', 'amount'],
      rows: [
        ['1', '3,5'],
        ['2', '4,25'],
      ],
    },
  ],
  [
    'pipes',
    'id|city\n1|Oslo\n2|Bergen\n',
    {
      delimiter: '|',
      columns: ['id', 'city'],
      rows: [
        ['1', 'Oslo'],
        ['2', 'Bergen'],
      ],
    },
  ],
  ['tabs with a quoted tab', 'id\tnote\n1\t"a\tb"\n', { delimiter: '\t', columns: ['id', 'note'], rows: [['1', 'a\tb']] }],
  [
    'ASCII and multi-byte rows with escaped quotes',
    'city,note,n\n"Zürich","Gdańsk ""old""",3\nLyon,🚚 truck,4\nOslo,"a ""b""",5\n',
    {
      delimiter: ',',
      columns: ['city', 'note', 'n'],
      rows: [
        ['Zürich', 'Gdańsk "old"', '3'],
        ['Lyon', '🚚 truck', '4'],
        ['Oslo', 'a "b"', '5'],
      ],
    },
  ],
  [
    'multi-byte text cut by chunks',
    'name,city\nZoë,Kraków\n李,東京\n',
    {
      delimiter: ',',
      columns: ['name', 'city'],
      rows: [
        ['Zoë', 'Kraków'],
        ['李', '東京'],
      ],
    },
  ],
  ['spaces around header names', ' id , name \n1,Ann\n', { delimiter: ',', columns: ['id', 'name'], rows: [['1', 'Ann']] }],
  [
    'a header line with more commas than the data (semicolon file)',
    'name;note\n"Ann, B";x,y\n"Bo, C";z\n',
    {
      delimiter: ';',
      columns: ['name', 'note'],
      rows: [
        ['Ann, B', 'x,y'],
        ['Bo, C', 'z'],
      ],
    },
  ],
];

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const orNull = (cell: string | null) => (cell === '' ? null : cell);

describe('the table, the record stream and the profile agree', () => {
  it.each(cases)('%s', async (_label, text, expected) => {
    const bytes = new TextEncoder().encode(text);
    const table = parseTable(bytes);
    expect(table.violations).toEqual([]);
    expect({ delimiter: table.delimiter, columns: table.columns, rows: table.rows.map((row) => row.map(orNull)) }).toEqual(expected);

    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const streamed: (string | null)[][] = [];
      for await (const record of streamRecords(chunked(bytes, size))) streamed.push(expected.columns.map((name) => record.values[name] ?? null));
      expect(streamed, `chunks of ${size} bytes`).toEqual(expected.rows);
    }
    const gzipped: (string | null)[][] = [];
    for await (const record of streamRecords(chunked(gzipSync(bytes), 5))) gzipped.push(expected.columns.map((name) => record.values[name] ?? null));
    expect(gzipped, 'gzipped').toEqual(expected.rows);

    const profile = await profileBytes(bytes);
    expect({ rows: profile.rows, columns: profile.columns.map((c) => c.name) }).toEqual({ rows: expected.rows.length, columns: expected.columns });
  });
});
