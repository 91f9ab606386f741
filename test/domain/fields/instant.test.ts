import { describe, expect, it } from 'vitest';
import { parseInstant } from '#domain/fields/instant.js';
import { parseIsoTimestamp } from '#domain/fields/iso-timestamp.js';

describe('reading instants', () => {
  it('reads epoch seconds and milliseconds as UTC, with the UTC hour as the local hour', () => {
    expect(parseInstant('1780291800000', 'epoch_ms')).toEqual({ epochMs: 1780291800000, iso: '2026-06-01T05:30:00.000Z', localHour: 5 });
    expect(parseInstant(' 1780291800.25 ', 'epoch_s')).toEqual({ epochMs: 1780291800250, iso: '2026-06-01T05:30:00.250Z', localHour: 5 });
    expect(parseInstant('1767225599999', 'epoch_ms')).toMatchObject({ iso: '2025-12-31T23:59:59.999Z', localHour: 23 });
    expect(parseInstant('1767225600000', 'epoch_ms')).toMatchObject({ iso: '2026-01-01T00:00:00.000Z', localHour: 0 });
  });

  it('gives each instant its own time when rows repeat, alternate and return to an instant', () => {
    // A fleet log: several vehicles per instant, then the next instant, then a late row of the first.
    const cells = ['1780291800000', '1780291800000', '1780291801000', '1780291800000', '1780291801000'];
    expect(cells.map((cell) => parseInstant(cell, 'epoch_ms')?.iso)).toEqual([
      '2026-06-01T05:30:00.000Z',
      '2026-06-01T05:30:00.000Z',
      '2026-06-01T05:30:01.000Z',
      '2026-06-01T05:30:00.000Z',
      '2026-06-01T05:30:01.000Z',
    ]);
    expect(parseIsoTimestamp('2026-06-01T07:30:00+02:00')).toEqual({ epochMs: 1780291800000, iso: '2026-06-01T05:30:00.000Z', localHour: 7 });
    expect(parseInstant('06/01/2026 05:30:01', 'mdy')?.iso).toBe('2026-06-01T05:30:01.000Z');
  });

  it('refuses epochs outside 2001-2100 and calendar impossibilities', () => {
    expect(parseInstant('12345', 'epoch_s')).toBeUndefined();
    expect(parseIsoTimestamp('2026-02-30T00:00:00Z')).toBeUndefined();
  });
});
