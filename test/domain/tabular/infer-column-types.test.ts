import { describe, expect, it } from 'vitest';
import { inferColumnType, inferSchema, typedValue, typeOfValue } from '#domain/tabular/index.js';

describe('typeOfValue', () => {
  it.each([
    ['42', 'integer'],
    ['-7', 'integer'],
    ['0', 'integer'],
    ['3.14', 'float'],
    ['.5', 'float'],
    ['-1e3', 'float'],
    ['TRUE', 'boolean'],
    ['false', 'boolean'],
    ['2024-02-29', 'date'],
    ['2024-01-05T10:30:00Z', 'datetime'],
    ['2024-01-05 10:30', 'datetime'],
    ['2024-01-05T10:30:00.250+02:00', 'datetime'],
    ['hello', 'string'],
  ])('%s is %s', (value, type) => {
    expect(typeOfValue(value)).toBe(type);
  });

  it('refuses dates that do not exist rather than rolling them over', () => {
    expect(typeOfValue('2023-02-29')).toBe('string');
    expect(typeOfValue('2024-02-30')).toBe('string');
    expect(typeOfValue('2024-13-01')).toBe('string');
    expect(typeOfValue('2024-04-31T08:00:00Z')).toBe('string');
  });

  it('keeps codes with leading zeros and integers past 2^53 as text, which a number would corrupt', () => {
    expect(typeOfValue('02134')).toBe('string');
    expect(typeOfValue('007.5')).toBe('string');
    expect(typeOfValue('12345678901234567890')).toBe('string');
    expect(typeOfValue('9007199254740991')).toBe('integer');
    expect(typeOfValue('1e999')).toBe('string');
  });
});

describe('inferColumnType', () => {
  it('widens integers to float when a decimal appears, whichever comes first', () => {
    expect(inferColumnType(['1', '2', '2.5'])).toEqual({ type: 'float', nulls: 0 });
    expect(inferColumnType(['2.5', '1'])).toEqual({ type: 'float', nulls: 0 });
  });

  it('widens dates to datetime, and anything mixed to string', () => {
    expect(inferColumnType(['2024-01-01', '2024-01-02T03:04:05Z']).type).toBe('datetime');
    expect(inferColumnType(['1', 'true']).type).toBe('string');
    expect(inferColumnType(['2024-01-01', '7']).type).toBe('string');
  });

  it('counts empty, blank and null cells as missing, and a column of nothing else as empty', () => {
    expect(inferColumnType(['1', '', null, '  ', '3'])).toEqual({ type: 'integer', nulls: 3 });
    expect(inferColumnType(['', null])).toEqual({ type: 'empty', nulls: 2 });
  });
});

describe('inferSchema', () => {
  it('gives each column its type, nullability and null count; short rows count as missing', () => {
    expect(
      inferSchema(
        ['id', 'score', 'note'],
        [
          ['1', '9.5', ''],
          ['2', '7'],
          ['3', '8', 'ok'],
        ],
      ),
    ).toEqual([
      { name: 'id', type: 'integer', nullable: false, nulls: 0 },
      { name: 'score', type: 'float', nullable: false, nulls: 0 },
      { name: 'note', type: 'string', nullable: true, nulls: 2 },
    ]);
  });
});

describe('typedValue', () => {
  it('converts cells to JSON values of their column type', () => {
    expect(typedValue(' 42 ', 'integer')).toBe(42);
    expect(typedValue('42', 'float')).toBe(42);
    expect(typedValue('2.50', 'float')).toBe(2.5);
    expect(typedValue('True', 'boolean')).toBe(true);
    expect(typedValue('2024-02-29', 'date')).toBe('2024-02-29');
    expect(typedValue('', 'integer')).toBeNull();
    expect(typedValue(null, 'string')).toBeNull();
  });

  it('keeps strings exactly as written, spaces included', () => {
    expect(typedValue('  São Paulo ', 'string')).toBe('  São Paulo ');
  });

  it('writes datetimes with a zone as UTC', () => {
    expect(typedValue('2024-01-05T10:00:00+02:00', 'datetime')).toBe('2024-01-05T08:00:00.000Z');
    expect(typedValue('2024-01-05 10:00Z', 'datetime')).toBe('2024-01-05T10:00:00.000Z');
  });

  it('writes datetimes without a zone as they are, not shifted into the zone the code runs in', () => {
    expect(typedValue('2024-01-05 10:00', 'datetime')).toBe('2024-01-05T10:00:00.000');
    expect(typedValue('2024-01-05', 'datetime')).toBe('2024-01-05T00:00:00.000');
  });
});

describe('timestamps already in the canonical UTC shape', () => {
  it('are datetimes kept as written, while impossible ones in the same shape are text', () => {
    expect(inferColumnType(['2026-03-01T06:00:00.040Z', '2026-03-01T23:59:59.999Z']).type).toBe('datetime');
    expect(typedValue('2026-03-01T06:00:00.040Z', 'datetime')).toBe('2026-03-01T06:00:00.040Z');
    expect(inferColumnType(['2026-03-01T06:00:00.040Z', '2026-03-01T25:00:00.000Z']).type).toBe('string');
    expect(inferColumnType(['2026-03-01T06:00:00.040Z', '2026-02-30T10:00:00.000Z']).type).toBe('string');
    expect(typedValue('2026-03-01T24:00:00.000Z', 'datetime')).toBe('2026-03-02T00:00:00.000Z');
  });
});
