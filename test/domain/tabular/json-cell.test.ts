import { describe, expect, it } from 'vitest';
import { jsonCellOf, typedValue, type Cell, type ColumnType } from '#domain/tabular/index.js';

const TYPES: ColumnType[] = ['integer', 'float', 'boolean', 'date', 'datetime', 'string', 'empty'];

// Cells as exports really carry them: padded, blank in odd ways, non-ASCII, quotes and controls
// that need escaping, numbers at the edges of what a JSON number holds.
const CELLS: Cell[] = [
  null,
  '',
  '   ',
  '\t',
  '\u00a0',
  '\u2003 \u00a0',
  ' 42 ',
  '-0',
  '+7',
  '9007199254740993',
  '1e21',
  '1e400',
  '.5',
  '3,14',
  'TRUE',
  ' false',
  '2024-02-29',
  '2024-03-31 23:59:59+02:00',
  '2024-03-31T21:59:59Z',
  '2024-03-31 08:00',
  'Zürich',
  '"fragile, handle with care"',
  'line\nbreak',
  'back\\slash',
  '\u0007bell',
  '\ud83d\ude9a truck',
  '\u00a0padded\u00a0',
];

describe('jsonCellOf', () => {
  for (const type of TYPES) {
    it(`writes each ${type} cell as JSON.stringify of its typed value`, () => {
      const json = jsonCellOf(type);
      for (const cell of CELLS) expect(json(cell), JSON.stringify(cell)).toBe(JSON.stringify(typedValue(cell, type)));
    });
  }

  it('writes blank cells of a number or string column as null, whatever the whitespace', () => {
    for (const type of ['integer', 'string'] as const) {
      for (const blank of [null, '', ' ', '\u00a0', '\u3000']) expect(jsonCellOf(type)(blank)).toBe('null');
    }
  });
});
