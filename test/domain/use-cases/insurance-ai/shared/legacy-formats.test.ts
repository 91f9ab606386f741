import { describe, expect, it } from 'vitest';
import { parseLegacyAmount } from '#domain/use-cases/insurance-ai/shared/legacy-amount.js';
import { daysBetween, parseLegacyDate, pivotTwoDigitYear } from '#domain/use-cases/insurance-ai/shared/legacy-date.js';

describe('parseLegacyDate', () => {
  it.each([
    ['20240315', '2024-03-15', 'YYYYMMDD'],
    ['2024-03-15', '2024-03-15', 'ISO'],
    ['03/15/24', '2024-03-15', 'MM/DD/YY'],
    ['07/04/98', '1998-07-04', 'MM/DD/YY'],
    ['12/31/49', '2049-12-31', 'MM/DD/YY'],
    ['01/01/50', '1950-01-01', 'MM/DD/YY'],
    ['3/5/2021', '2021-03-05', 'MM/DD/YYYY'],
    ['15-MAR-2024', '2024-03-15', 'DD-MON-YYYY'],
    ['15-mar-2024', '2024-03-15', 'DD-MON-YYYY'],
    ['01-JAN-99', '1999-01-01', 'DD-MON-YY'],
    ['29-FEB-2024', '2024-02-29', 'DD-MON-YYYY'],
  ])('reads %s as %s (%s)', (raw, iso, format) => {
    expect(parseLegacyDate(raw)).toEqual({ kind: 'date', iso, format });
  });

  it.each(['2024-02-30', '20230229', '13/45/24', '00/10/24', '31-FEB-2023', '15-XYZ-2024', '99991231', '18991231', '2024/03/15', 'yesterday', '2024-3-15'])(
    'refuses %s',
    (raw) => {
      expect(parseLegacyDate(raw)).toEqual({ kind: 'invalid' });
    },
  );

  it('reads all-zero dates as the legacy "no date"', () => {
    expect(parseLegacyDate('00000000')).toEqual({ kind: 'null' });
    expect(parseLegacyDate('00/00/00')).toEqual({ kind: 'null' });
  });

  it('pivots two-digit years at 50', () => {
    expect([0, 49, 50, 99].map(pivotTwoDigitYear)).toEqual([2000, 2049, 1950, 1999]);
  });

  it('counts days between ISO dates', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
});

describe('parseLegacyAmount', () => {
  it.each([
    ['1250.00', 0, 1250],
    ['0001250.50', 0, 1250.5],
    ['$1,250.00', 0, 1250],
    ['1,234,567.89', 0, 1234567.89],
    ['250.00-', 0, -250],
    ['-250.00', 0, -250],
    ['0', 0, 0],
    ['.5', 0, 0.5],
    ['0000125050', 2, 1250.5],
    ['0000025050-', 2, -250.5],
    ['000', 2, 0],
  ])('reads %s (%i implied decimals) as %d', (raw, decimals, expected) => {
    expect(parseLegacyAmount(raw, decimals)).toBe(expected);
  });

  it.each([
    ['12O0.00', 0],
    ['1.234,56', 0],
    ['12,34.5', 0],
    ['--5', 0],
    ['-5-', 0],
    ['abc', 0],
    ['', 0],
    ['1250.00', 2],
    ['12 50', 2],
  ])('refuses %s (%i implied decimals)', (raw, decimals) => {
    expect(parseLegacyAmount(raw, decimals)).toBeUndefined();
  });
});

describe('decimal commas and day-first dates of semicolon-delimited exports', () => {
  it.each([
    ['1.234,56', 1234.56],
    ['1234,56', 1234.56],
    ['800,00', 800],
    ['€12.000,00', 12000],
    ['250,00-', -250],
    ['1250.5', 1250.5],
  ])('reads %s with decimal commas as %d', (raw, expected) => {
    expect(parseLegacyAmount(raw, 0, 'decimal-comma')).toBe(expected);
  });

  it.each(['1,234.56', '1.23,4', '12O,00'])('refuses %s with decimal commas', (raw) => {
    expect(parseLegacyAmount(raw, 0, 'decimal-comma')).toBeUndefined();
  });

  it('reads DD.MM.YYYY day first and refuses impossible days', () => {
    expect(parseLegacyDate('15.01.2024')).toEqual({ kind: 'date', iso: '2024-01-15', format: 'DD.MM.YYYY' });
    expect(parseLegacyDate('31.02.2024')).toEqual({ kind: 'invalid' });
    expect(parseLegacyDate('00.00.0000')).toEqual({ kind: 'null' });
  });
});

describe('legacy calendar', () => {
  it('accepts exactly the days the Gregorian calendar has, 1900 to 2099 (1900 not a leap year, 2000 one)', () => {
    const disagreements: string[] = [];
    for (let year = 1900; year <= 2099; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 28, 29, 30, 31, 32]) {
          const date = new Date(Date.UTC(year, month - 1, day));
          const exists = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          const raw = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
          const parsed = parseLegacyDate(raw);
          const expected = exists ? date.toISOString().slice(0, 10) : 'invalid';
          const got = parsed.kind === 'date' ? parsed.iso : parsed.kind;
          if (got !== expected) disagreements.push(`${raw}: ${got}, expected ${expected}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(parseLegacyDate('19000229').kind).toBe('invalid');
    expect(parseLegacyDate('02/29/00')).toMatchObject({ kind: 'date', iso: '2000-02-29' });
  });

  it('answers a repeated spelling the same way, and a shared answer cannot be changed by its reader', () => {
    const first = parseLegacyDate('15-MAR-2024');
    expect(parseLegacyDate('15-MAR-2024')).toEqual(first);
    expect(() => Object.assign(first, { iso: '1999-01-01' })).toThrow();
    expect(parseLegacyDate('15-MAR-2024')).toMatchObject({ kind: 'date', iso: '2024-03-15' });
  });
});
