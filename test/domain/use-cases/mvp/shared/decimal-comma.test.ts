import { describe, expect, it } from 'vitest';
import { inferSchema } from '#domain/tabular/index.js';
import { DecimalCommaTally, decimalCommaNumber } from '#domain/use-cases/mvp/shared/decimal-comma.js';
import { normalizeTable } from '#domain/use-cases/mvp/upload/normalize-table.js';

/** The type and decision for one column of values, in a file with the given delimiter ('json' for none). */
function column(values: (string | null)[], format: string = ';') {
  const delimiter = format === 'json' ? undefined : format;
  const rows = values.map((v) => [v]);
  const tally = new DecimalCommaTally();
  tally.add(1, rows);
  const { schema, decisions } = tally.apply(inferSchema(['amount'], rows), delimiter);
  return { type: schema[0]!.type, decimalSeparator: schema[0]!.decimalSeparator, decisions };
}

describe('decimalCommaNumber', () => {
  it.each([
    ['12,50', 12.5],
    ['1.234,56', 1234.56],
    ['-0,5', -0.5],
    ['+3,25', 3.25],
    ['1 234,56', 1234.56],
    ['1\u00A0234,56', 1234.56],
    ['12\u202F345\u202F678,9', 12345678.9],
    ['1.234.567,00', 1234567],
    ['0,001', 0.001],
    [' 7,5 ', 7.5],
    ['42', 42],
    ['1.234', 1234],
  ])('reads %j as %d', (value, number) => {
    expect(decimalCommaNumber(value)).toBe(number);
  });

  it.each(['12,', ',5', '-,5', '1,2,3', '1.23,4', '1.2345,6', '1.234 567,8', '05,5', '1,234.56', '12.5', '12,5e3', 'abc', '', '1,5-', '€ 12,50'])(
    'does not read %j',
    (value) => {
      expect(decimalCommaNumber(value)).toBeUndefined();
    },
  );
});

describe('which columns are decimal-comma numbers', () => {
  it('reads a semicolon-delimited column of decimal commas and thousands groups as floats, saying why', () => {
    const amount = column(['12,50', '1.234,56', '', '-0,5', '7']);
    expect(amount).toMatchObject({ type: 'float', decimalSeparator: ',' });
    expect(amount.decisions).toEqual([
      {
        column: 'amount',
        decision: 'read_as_numbers',
        detail: '"12,50" read as 12.5: every value is a number with "," as its decimal separator and "." between thousands (the file is delimited by ";")',
      },
    ]);
  });

  it('reads 1,234 as 1.234 in a semicolon-delimited file, the delimiter of comma-decimal locales', () => {
    expect(column(['1,234', '0,5'], ';').type).toBe('float');
  });

  it('never reinterprets 1,234 in a comma-delimited file or JSON: the column stays text, and the report says why', () => {
    for (const delimiter of [',', '\t', 'json']) {
      const amount = column(['12,50', '1,234'], delimiter);
      expect(amount.type).toBe('string');
      expect(amount.decimalSeparator).toBeUndefined();
      expect(amount.decisions).toEqual([expect.objectContaining({ column: 'amount', decision: 'kept_as_text' })]);
      expect(amount.decisions[0]!.detail).toContain('"1,234" could be 1234 or 1.234');
    }
    expect(column(['12,50', '1.234'], ',').type).toBe('string');
  });

  it('reads a comma-delimited column whose commas can only be decimal ones (quoted "12,50", "1.234,5")', () => {
    expect(column(['12,50', '1.234,5', '3'], ',')).toMatchObject({ type: 'float', decimalSeparator: ',' });
  });

  it.each([
    ['a trailing comma', ['12,50', '12,']],
    ['a leading comma', ['12,50', ',5']],
    ['a word', ['12,50', 'n/a']],
    ['a dot decimal', ['12,50', '3.5']],
    ['a code with a leading zero', ['12,50', '012']],
    ['two commas', ['12,50', '1,2,3']],
  ])('keeps a column with %s as text, without a decision to report', (_label, values) => {
    expect(column(values)).toEqual({ type: 'string', decimalSeparator: undefined, decisions: [] });
  });

  it('leaves columns the usual typing reads alone: integers, dot decimals, dates, empty', () => {
    expect(column(['1', '2']).type).toBe('integer');
    expect(column(['1.5', '2']).type).toBe('float');
    expect(column(['1.234', '5.678']).type).toBe('float');
    expect(column(['2024-01-02']).type).toBe('date');
    expect(column([null, '']).type).toBe('empty');
    expect(column(['1.234', '5.678']).decisions).toEqual([]);
  });
});

describe('normalizeTable with decimal commas', () => {
  it('writes decimal-comma numbers with a dot, and only in the columns that qualify', () => {
    const { ndjson, schema } = normalizeTable({
      columns: ['sku', 'price', 'note'],
      rows: [
        ['A-1', '1.234,56', '12,50'],
        ['A-2', '-0,5', 'about 3,5'],
        ['A-3', '', '1'],
      ],
      delimiter: ';',
    });
    expect(schema.map((c) => [c.name, c.type, c.decimalSeparator])).toEqual([
      ['sku', 'string', undefined],
      ['price', 'float', ','],
      ['note', 'string', undefined],
    ]);
    expect(ndjson).toBe('{"sku":"A-1","price":1234.56,"note":"12,50"}\n{"sku":"A-2","price":-0.5,"note":"about 3,5"}\n{"sku":"A-3","price":null,"note":"1"}\n');
  });
});
