import type { SampleFile } from '#domain/use-cases/use-case-module.js';
import { SAMPLE_COLUMNS, toCsv, type SampleColumn } from './telemetry-csv.js';

type Fields = Record<SampleColumn, string>;

/** Data rows start on line 2, under the header. */
const lineOf = (index: number): number => index + 2;

export function missingFieldsSample(rows: readonly Fields[]): SampleFile {
  const kept = SAMPLE_COLUMNS.filter((c) => c !== 'acceleration_mps2' && c !== 'longitude');
  return {
    fileName: 'av-missing-fields.csv',
    body: toCsv(rows, kept),
    expect: { status: 'failed', code: 'missing_fields' },
    description: 'Telemetry exported without acceleration and longitude: the rejection names the fields, the columns it saw and the --map that would fix it.',
  };
}

/**
 * Two readings of one vehicle stamped five seconds before the reading preceding them, as a
 * logger with a resetting clock would write.
 */
export function badTimestampsSample(rows: readonly Fields[]): SampleFile {
  const edited = rows.map((row) => ({ ...row }));
  const vehicle = edited[0]!.vehicle_id;
  const own = edited.map((row, index) => ({ row, index })).filter(({ row }) => row.vehicle_id === vehicle);
  const lines: number[] = [];
  for (const k of [60, 150]) {
    const target = own[Math.min(k, own.length - 1)]!;
    const previous = own[Math.min(k, own.length - 1) - 1]!;
    target.row.timestamp = new Date(Date.parse(previous.row.timestamp) - 5000).toISOString().replace('.000Z', 'Z');
    lines.push(lineOf(target.index));
  }
  return {
    fileName: 'av-bad-timestamps.csv',
    body: toCsv(edited),
    expect: { status: 'failed', code: 'timestamps_not_increasing' },
    description: `Vehicle ${vehicle}'s clock jumps back on lines ${lines.join(' and ')}.`,
  };
}

/** A speed sensor glitch: two readings far beyond any road vehicle. */
export function implausibleSpeedSample(rows: readonly Fields[]): SampleFile {
  const edited = rows.map((row) => ({ ...row }));
  const glitches: [number, string][] = [
    [90, '412.0'],
    [200, '655.3'],
  ];
  for (const [index, speed] of glitches) edited[index]!.speed_kmh = speed;
  return {
    fileName: 'av-implausible-speed.csv',
    body: toCsv(edited),
    expect: { status: 'failed', code: 'implausible_values' },
    description: `Speeds of ${glitches.map(([index, speed]) => `${speed} km/h on line ${lineOf(index)}`).join(' and ')}.`,
  };
}

/** Values a hand-edited spreadsheet produces: a time without seconds' padding, a word for a number. */
export function invalidValuesSample(rows: readonly Fields[]): SampleFile {
  const edited = rows.map((row) => ({ ...row }));
  edited[40]!.timestamp = '2026-03-02 7:41';
  edited[75]!.speed_kmh = 'fast';
  return {
    fileName: 'av-invalid-values.csv',
    body: toCsv(edited),
    expect: { status: 'failed', code: 'invalid_values' },
    description: `An unreadable timestamp on line ${lineOf(40)} and a non-numeric speed on line ${lineOf(75)}.`,
  };
}
