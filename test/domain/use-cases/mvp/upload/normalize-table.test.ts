import { describe, expect, it } from 'vitest';
import { normalizeTable } from '#domain/use-cases/mvp/upload/normalize-table.js';

describe('normalizeTable', () => {
  it('writes one typed record per row under trimmed names, in column order, ending with a newline', () => {
    const normalized = normalizeTable({
      columns: [' id ', 'name', '2024', 'active', 'joined'],
      rows: [
        ['1', 'Zoë', '3', 'true', '2024-01-02'],
        ['2', ' Bo ', '4.5', '', '2024-03-04'],
      ],
    });
    expect(normalized.ndjson).toBe(
      '{"id":1,"name":"Zoë","2024":3,"active":true,"joined":"2024-01-02"}\n' + '{"id":2,"name":" Bo ","2024":4.5,"active":null,"joined":"2024-03-04"}\n',
    );
    expect(normalized.rows).toBe(2);
    expect(normalized.schema.map((c) => [c.name, c.type, c.nulls])).toEqual([
      ['id', 'integer', 0],
      ['name', 'string', 0],
      ['2024', 'float', 0],
      ['active', 'boolean', 1],
      ['joined', 'date', 0],
    ]);
  });

  it('escapes names and values as JSON', () => {
    const { ndjson } = normalizeTable({ columns: ['say "hi"'], rows: [['line\nbreak "q"']] });
    expect(JSON.parse(ndjson)).toEqual({ 'say "hi"': 'line\nbreak "q"' });
  });
});
