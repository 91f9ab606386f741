/** One simulated telemetry reading, before it is written out as CSV. */
export interface SimulatedRow {
  epochMs: number;
  vehicleId: string;
  speedKmh: number;
  accelerationMps2: number;
  latitude: number;
  longitude: number;
  heading: number;
  roadType: string;
  weather: string;
}
