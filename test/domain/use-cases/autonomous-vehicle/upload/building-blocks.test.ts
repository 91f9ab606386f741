import { describe, expect, it } from 'vitest';
import { speedBandOf } from '#domain/use-cases/autonomous-vehicle/upload/conditions/speed-band.js';
import { percentile } from '#domain/use-cases/autonomous-vehicle/upload/numbers/descriptive-statistics.js';
import { haversineMeters } from '#domain/use-cases/autonomous-vehicle/shared/haversine.js';
import { percentShares } from '#domain/use-cases/autonomous-vehicle/upload/numbers/percent-shares.js';
import { parseIsoTimestamp } from '#domain/fields/iso-timestamp.js';
import { timeOfDayFromHour } from '#domain/use-cases/autonomous-vehicle/upload/telemetry/time-of-day.js';

describe('parseIsoTimestamp', () => {
  it('reads offsets, fractions and the local hour', () => {
    expect(parseIsoTimestamp('2026-03-02T06:30:00+02:00')).toEqual({ epochMs: Date.UTC(2026, 2, 2, 4, 30), iso: '2026-03-02T04:30:00.000Z', localHour: 6 });
    expect(parseIsoTimestamp('2026-03-02 23:59:59.25-0530')?.iso).toBe('2026-03-03T05:29:59.250Z');
    expect(parseIsoTimestamp('2026-03-02T10:00')?.iso).toBe('2026-03-02T10:00:00.000Z'); // no offset: UTC, not the machine's zone
  });

  it('refuses what is not a real ISO-8601 date-time', () => {
    for (const text of [
      '2026-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-03-02T24:00:00Z',
      '2026-03-02',
      '03/02/2026 10:00',
      '2026-03-02T10:00:00+25:00',
      '',
    ]) {
      expect(parseIsoTimestamp(text), text).toBeUndefined();
    }
    expect(parseIsoTimestamp('2024-02-29T00:00:00Z')).toBeDefined();
  });
});

describe('small calculations', () => {
  it('bands speeds with the lower bound inclusive', () => {
    expect([0, 29.9, 30, 89.99, 90, 120, 299].map(speedBandOf)).toEqual(['0-30', '0-30', '30-60', '60-90', '90-120', '120+', '120+']);
  });

  it('names times of day by the local hour', () => {
    expect([5, 6, 11, 12, 17, 18, 21, 22].map(timeOfDayFromHour)).toEqual([
      'night',
      'morning',
      'morning',
      'afternoon',
      'afternoon',
      'evening',
      'evening',
      'night',
    ]);
  });

  it('interpolates percentiles between ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10], 99)).toBe(10);
  });

  it('measures a degree of latitude as about 111.2 km', () => {
    expect(haversineMeters(48, 11, 49, 11)).toBeCloseTo(111_195, 0);
    expect(haversineMeters(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });

  it('rounds shares so they add up to exactly 100', () => {
    expect(percentShares([1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    expect(percentShares([0, 0])).toEqual([0, 0]);
    const shares = percentShares([7, 13, 29, 1, 3]);
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(10_000);
  });
});
