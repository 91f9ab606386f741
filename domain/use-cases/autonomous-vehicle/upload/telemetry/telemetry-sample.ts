/** One validated telemetry reading, typed; what every step after validation works on. */
export interface TelemetrySample {
  /** The line of the upload it came from, so later findings can point back at the data. */
  line: number;
  /** ISO-8601 in UTC. */
  timestamp: string;
  epochMs: number;
  vehicleId: string;
  speedKmh: number;
  accelerationMps2: number;
  latitude: number;
  longitude: number;
  /** Lower-case token, `unknown` when the file does not say. */
  roadType: string;
  weather: string;
  timeOfDay: string;
  /** Degrees clockwise from north, when recorded. */
  heading: number | null;
}
