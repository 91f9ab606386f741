import type { TableRecord } from '#domain/insights/index.js';
import { parseTimestampMs } from '#domain/insights/index.js';
import { resolveColumns } from '../telemetry/resolve-columns.js';
import { conditionToken, type TelemetryColumn } from '../telemetry/telemetry-columns.js';

/** Header name per telemetry column, as the file spells it (`Speed_KMH` is still the speed). */
export type TelemetryFieldNames = Partial<Record<TelemetryColumn, string>>;

export function telemetryFieldNames(header: readonly string[]): { names: TelemetryFieldNames; missing: string[] } {
  const resolved = resolveColumns(header);
  const names: TelemetryFieldNames = {};
  for (const [column, index] of Object.entries(resolved.indexOf) as [TelemetryColumn, number][]) names[column] = header[index]!;
  return { names, missing: resolved.missing };
}

/** One reading as the EDA sees it: unreadable sensor values are `null`, to be counted as dropouts, not dropped. */
export interface TelemetryReading {
  row: number;
  vehicleId: string;
  epochMs: number | undefined;
  timestamp: string | null;
  speedKmh: number | null;
  accelerationMps2: number | null;
  latitude: number | null;
  longitude: number | null;
  roadType: string;
}

export const SENSORS = ['speed_kmh', 'acceleration_mps2', 'latitude', 'longitude'] as const;

export function readTelemetry(record: TableRecord, names: TelemetryFieldNames): TelemetryReading {
  const text = (column: TelemetryColumn) => {
    const name = names[column];
    return name === undefined ? null : (record.values[name] ?? null);
  };
  const number = (column: TelemetryColumn) => {
    const raw = text(column)?.trim();
    if (!raw) return null;
    const value = Number(raw);
    return Number.isFinite(value) ? value : null;
  };
  const timestamp = text('timestamp');
  const road = text('road_type');
  return {
    row: record.row,
    vehicleId: text('vehicle_id')?.trim() || '(no vehicle id)',
    epochMs: timestamp === null ? undefined : parseTimestampMs(timestamp),
    timestamp,
    speedKmh: number('speed_kmh'),
    accelerationMps2: number('acceleration_mps2'),
    latitude: number('latitude'),
    longitude: number('longitude'),
    roadType: road ? conditionToken(road) : 'unknown',
  };
}
