import { FIELD_MAPPING_ARTIFACT, fieldColumn, readInstant, readQuantity, type FieldMapping, type ResolvedField } from '#domain/fields/index.js';
import type { TableRecord } from '#domain/insights/index.js';
import type { StepContext } from '#domain/journeys/step-definition.js';
import { conditionToken, vehicleFromKey, type TelemetryField } from '../shared/telemetry-fields.js';

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

export type TelemetryReader = (record: TableRecord) => TelemetryReading;

/**
 * Reads records through the mapping load_test_data resolved: the file's own column names, its
 * units converted, its time encoding read. A file without a vehicle column is one vehicle, named
 * after the file, as in the upload journey.
 */
export function telemetryReader(mapping: FieldMapping, fileVehicle: string): TelemetryReader {
  const columnOf = (field: TelemetryField): ResolvedField | undefined => fieldColumn(mapping, field);
  const time = columnOf('time');
  const vehicle = columnOf('vehicle');
  const road = columnOf('road_type');
  const quantities = { speed: columnOf('speed'), acceleration: columnOf('acceleration'), latitude: columnOf('latitude'), longitude: columnOf('longitude') };
  return (record) => {
    const text = (resolved: ResolvedField | undefined) => (resolved === undefined ? null : (record.values[resolved.column] ?? null));
    const number = (resolved: ResolvedField | undefined) => {
      const raw = text(resolved)?.trim();
      if (!raw) return null;
      const value = readQuantity(resolved!, raw);
      return value !== undefined && Number.isFinite(value) ? value : null;
    };
    const timestamp = text(time);
    const roadType = text(road);
    return {
      row: record.row,
      vehicleId: vehicle ? text(vehicle)?.trim() || '(no vehicle id)' : fileVehicle,
      epochMs: timestamp === null || !time ? undefined : readInstant(time, timestamp)?.epochMs,
      timestamp,
      speedKmh: number(quantities.speed),
      accelerationMps2: number(quantities.acceleration),
      latitude: number(quantities.latitude),
      longitude: number(quantities.longitude),
      roadType: roadType ? conditionToken(roadType) : 'unknown',
    };
  };
}

/** The reader for this journey's upload, from the mapping its first step stored. */
export async function telemetryReaderOf(context: StepContext): Promise<TelemetryReader> {
  return telemetryReader(await context.readArtifactJson<FieldMapping>(FIELD_MAPPING_ARTIFACT), vehicleFromKey(context.input.key));
}
