/** Columns without which the telemetry cannot be segmented or checked. */
export const REQUIRED_COLUMNS = ['timestamp', 'vehicle_id', 'speed_kmh', 'acceleration_mps2', 'latitude', 'longitude'] as const;
/** Columns used when present; time of day is derived from the timestamp when absent. */
export const OPTIONAL_COLUMNS = ['road_type', 'weather', 'time_of_day', 'heading'] as const;

export type TelemetryColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Header names compared trimmed and lower-cased: `Speed_KMH` is still the speed. */
export function columnKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Condition labels as tokens, so `Highway`, ` highway` and `HIGHWAY` are one road type. */
export function conditionToken(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
