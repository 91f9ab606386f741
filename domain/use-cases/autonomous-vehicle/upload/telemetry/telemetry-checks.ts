import { MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2, MAX_PLAUSIBLE_SPEED_KMH } from '../../shared/thresholds.js';

export type RejectionCode = 'invalid_values' | 'timestamps_not_increasing' | 'implausible_values';

export type CheckName =
  'values_parse' | 'timestamps_increasing' | 'speed_range' | 'acceleration_range' | 'coordinate_range' | 'heading_range' | 'position_jumps';

/** Every row-level check validation runs, the code it rejects with, and what it asserts. */
export const TELEMETRY_CHECKS: Readonly<Record<CheckName, { code: RejectionCode; description: string }>> = {
  values_parse: { code: 'invalid_values', description: 'every row has a vehicle id, an ISO-8601 timestamp and numeric measurements' },
  timestamps_increasing: { code: 'timestamps_not_increasing', description: 'timestamps strictly increase for each vehicle' },
  speed_range: { code: 'implausible_values', description: `speed within 0..${MAX_PLAUSIBLE_SPEED_KMH} km/h` },
  acceleration_range: { code: 'implausible_values', description: `|acceleration| at most ${MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2} m/s²` },
  coordinate_range: { code: 'implausible_values', description: 'latitude within -90..90 and longitude within -180..180' },
  heading_range: { code: 'implausible_values', description: 'heading, when present, within 0..360 degrees' },
  position_jumps: {
    code: 'implausible_values',
    description: `no position jump implying more than ${MAX_PLAUSIBLE_SPEED_KMH} km/h between consecutive samples of a vehicle`,
  },
};

export interface TelemetryViolation {
  line: number;
  check: CheckName;
  message: string;
}
