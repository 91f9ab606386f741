import { describe, expect, it } from 'vitest';
import { NumberShape, parseNumberBytes } from '#domain/profiling/parse-number-bytes.js';
import { parseDatetimeBytes, type DatetimeParse } from '#domain/profiling/parse-datetime-bytes.js';
import { SeededRandom } from '#domain/randomness/seeded-random.js';

const encode = (text: string) => new TextEncoder().encode(text);

function parseNumber(text: string): { shape: number; value: number } {
  const bytes = encode(text);
  const result = { value: NaN };
  const shape = parseNumberBytes(bytes, 0, bytes.length, result);
  return { shape, value: result.value };
}

describe('numbers read from bytes', () => {
  it('gives exactly what Number() gives, on random decimals of every length and exponent', () => {
    const random = new SeededRandom(17);
    for (let i = 0; i < 20_000; i++) {
      const digits = String(random.integer(1, 9)) + Array.from({ length: random.integer(0, 20) }, () => random.integer(0, 9)).join('');
      const point = random.integer(0, digits.length);
      let text = `${random.next() < 0.3 ? '-' : ''}${digits.slice(0, point) || '0'}.${digits.slice(point)}`;
      if (random.next() < 0.2) text += `e${random.integer(-30, 30)}`;
      const parsed = parseNumber(text);
      expect(parsed.shape, text).toBe(NumberShape.float);
      expect(parsed.value, text).toBe(Number(text));
    }
  });

  it('reads integers and floats, and leaves codes and oddities as text', () => {
    expect(parseNumber('42')).toEqual({ shape: NumberShape.integer, value: 42 });
    expect(parseNumber('-7')).toEqual({ shape: NumberShape.integer, value: -7 });
    expect(parseNumber('+7')).toEqual({ shape: NumberShape.integer, value: 7 });
    expect(parseNumber('-0')).toEqual({ shape: NumberShape.integer, value: 0 });
    expect(parseNumber('9007199254740991')).toEqual({ shape: NumberShape.integer, value: 9007199254740991 });
    for (const float of ['1.', '.5', '1e3', '1E-3', '0.0', '-0.25']) expect(parseNumber(float).shape, float).toBe(NumberShape.float);
    for (const text of ['02134', '9007199254740993', '1e400', '-', '.', '1e', '1.2.3', '12a', 'NaN', 'Infinity', '0x10', '1_000']) {
      expect(parseNumber(text).shape, text).toBe(NumberShape.none);
    }
  });
});

describe('datetimes read from bytes', () => {
  const parse = (text: string): DatetimeParse | undefined => {
    const bytes = encode(text);
    const result: DatetimeParse = { epochMs: 0, hasTime: false, hasZone: false };
    return parseDatetimeBytes(bytes, 0, bytes.length, result) ? result : undefined;
  };

  it('agrees with Date.parse on dates, times, fractions and zones', () => {
    const random = new SeededRandom(23);
    for (let i = 0; i < 5_000; i++) {
      const iso = new Date(random.integer(-2_000_000_000, 4_000_000_000) * 1000 + random.integer(0, 999)).toISOString();
      const variants = [
        iso,
        iso.slice(0, 19),
        iso.slice(0, 16),
        iso.slice(0, 10),
        iso.replace('T', ' '),
        `${iso.slice(0, 19)}+05:30`,
        `${iso.slice(0, 19)}-0800`,
      ];
      for (const text of variants) {
        const zoned = /Z|[+-]\d\d:?\d\d$/.test(text);
        const expected = Date.parse(zoned || text.length === 10 ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`);
        expect(parse(text)?.epochMs, text).toBe(expected);
      }
    }
    expect(parse('2024-01-01T00:00:00Z')).toEqual(expect.objectContaining({ hasTime: true, hasZone: true }));
    expect(parse('2024-01-01')).toEqual(expect.objectContaining({ hasTime: false, hasZone: false }));
  });

  it('refuses dates that are not on the calendar and near-misses', () => {
    for (const text of [
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-01-01T24:00',
      '2024-01-01T10:60',
      '2024-01-01T',
      '2024-1-01',
      '2024-01-01x',
      '2024-01-01T10:00:00.',
      '2024-01-01T10:00+2',
    ]) {
      expect(parse(text), text).toBeUndefined();
    }
    expect(parse('2024-02-29')).toBeDefined();
    expect(parse('2000-02-29')).toBeDefined();
    expect(parse('1900-02-29')).toBeUndefined();
  });
});
