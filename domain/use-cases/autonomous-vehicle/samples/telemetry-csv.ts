import type { SimulatedRow } from './simulated-row.js';

export const SAMPLE_COLUMNS = [
  'timestamp',
  'vehicle_id',
  'speed_kmh',
  'acceleration_mps2',
  'latitude',
  'longitude',
  'heading',
  'road_type',
  'weather',
] as const;
export type SampleColumn = (typeof SAMPLE_COLUMNS)[number];

/** A row's fields as they appear in the file; bad samples edit these strings directly. */
export function csvFields(row: SimulatedRow): Record<SampleColumn, string> {
  return {
    timestamp: new Date(row.epochMs).toISOString().replace('.000Z', 'Z'),
    vehicle_id: row.vehicleId,
    speed_kmh: fixed(row.speedKmh, 1),
    acceleration_mps2: fixed(row.accelerationMps2, 2),
    latitude: fixed(row.latitude, 6),
    longitude: fixed(row.longitude, 6),
    heading: fixed(row.heading, 1),
    road_type: row.roadType,
    weather: row.weather,
  };
}

export function toCsv(rows: readonly Record<SampleColumn, string>[], columns: readonly SampleColumn[] = SAMPLE_COLUMNS): string {
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => row[c]).join(','))].join('\n')}\n`;
}

/** toFixed without "-0.00": a rounded-away negative is just zero. */
function fixed(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return (Math.round(value * factor) / factor || 0).toFixed(decimals);
}
