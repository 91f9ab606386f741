import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { writeCsvLines } from './write-csv-lines.js';

/** The ten telemetry columns the profiler benchmark reads (about 93 bytes a row). */
export const TELEMETRY_HEADER = 'timestamp,vehicle_id,speed_kmh,accel_ms2,latitude,longitude,heading_deg,battery_pct,road_type,brake_active';

const ROAD_TYPES = ['motorway', 'urban', 'rural', 'residential', 'tunnel', 'bridge'];
const VEHICLES = 64;
const START_MS = Date.UTC(2026, 2, 1, 6, 0, 0);

/**
 * Writes a deterministic telemetry CSV of `rows` rows to `path`, streaming (the 1 GB variant never
 * sits in memory) and honouring the write stream's backpressure. Resolves with the bytes written.
 */
export function writeTelemetryCsv(path: string, rows: number, seed = 42): Promise<number> {
  const random = new SeededRandom(seed);
  const speeds = new Float64Array(VEHICLES).map(() => random.between(20, 110));
  return writeCsvLines(path, TELEMETRY_HEADER, rows, (i) => {
    const vehicle = i % VEHICLES;
    const accel = random.normal(0, 0.8);
    speeds[vehicle] = Math.min(180, Math.max(0, speeds[vehicle]! + accel * 0.36));
    const timestamp = new Date(START_MS + i * 40 + random.integer(0, 9)).toISOString();
    const latitude = 48.1 + random.between(-0.25, 0.25);
    const longitude = 11.5 + random.between(-0.4, 0.4);
    return [
      timestamp,
      `veh-${String(vehicle).padStart(4, '0')}`,
      speeds[vehicle]!.toFixed(2),
      accel.toFixed(3),
      latitude.toFixed(6),
      longitude.toFixed(6),
      random.integer(0, 359),
      random.between(5, 100).toFixed(1),
      random.pick(ROAD_TYPES),
      accel < -1.5 ? 'true' : 'false',
    ].join(',');
  });
}
