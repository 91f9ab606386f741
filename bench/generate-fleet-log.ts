import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { writeCsvLines } from './write-csv-lines.js';

/**
 * A US fleet logger's export, not our samples' shape: semicolon-delimited, epoch milliseconds,
 * miles per hour, acceleration in g, its own column names (about 95 bytes a row). The drives are
 * physically plausible, so the upload journey accepts it: vehicles move along their heading,
 * stop at lights, park now and then, and brake hard once in a while.
 */
export const FLEET_LOG_HEADER = 'ts_ms;vin;speed_mph;accel_g;gps_lat;gps_lng;heading;road_class;wx';

const VEHICLES = 16;
const SAMPLE_MS = 100;
const START_MS = Date.UTC(2026, 5, 1, 5, 30, 0);
const ROADS = ['highway', 'urban', 'rural'];
const WEATHER = ['clear', 'clear', 'clear', 'rain', 'fog', 'snow'];
const MPS_PER_MPH = 0.44704;
const G = 9.80665;

interface Vehicle {
  vin: string;
  speedMps: number;
  targetMps: number;
  lat: number;
  lng: number;
  heading: number;
  road: string;
  weather: string;
  /** Samples left parked or stopped at a light. */
  holdSamples: number;
}

/** Writes `rows` deterministic rows to `path`, the vehicles interleaved as one logger writes them; resolves with the bytes written. */
export function writeFleetLog(path: string, rows: number, seed = 11): Promise<number> {
  const random = new SeededRandom(seed);
  const vehicles: Vehicle[] = Array.from({ length: VEHICLES }, (_, i) => ({
    vin: `1FTEW1E5${String(4000 + i).padStart(6, '0')}`,
    speedMps: 0,
    targetMps: random.between(8, 30),
    lat: 37.3 + random.between(-0.2, 0.2),
    lng: -121.9 + random.between(-0.2, 0.2),
    heading: random.integer(0, 359),
    road: random.pick(ROADS),
    weather: random.pick(WEATHER),
    holdSamples: 0,
  }));
  return writeCsvLines(path, FLEET_LOG_HEADER, rows, (i) => {
    const v = vehicles[i % VEHICLES]!;
    const at = START_MS + Math.floor(i / VEHICLES) * SAMPLE_MS;
    const dt = SAMPLE_MS / 1000;
    let accel: number;
    if (v.holdSamples > 0) {
      v.holdSamples--;
      accel = 0;
      v.speedMps = 0;
    } else {
      const roll = random.next();
      if (roll < 0.00002)
        v.holdSamples = random.integer(1_300, 3_000); // parked for 2 to 5 minutes
      else if (roll < 0.0002) v.holdSamples = random.integer(100, 600); // a red light
      if (roll < 0.0004) v.targetMps = random.between(5, 33);
      if (roll > 0.99995) {
        v.road = random.pick(ROADS);
        v.weather = random.pick(WEATHER);
      }
      // Hard braking now and then; otherwise a gentle pull towards the target speed.
      const braking = v.holdSamples > 0 || random.next() < 0.0005;
      accel = braking ? -random.between(4.2, 7.5) : Math.max(-2, Math.min(2, (v.targetMps - v.speedMps) * 0.3 + random.normal(0, 0.2)));
      v.speedMps = Math.max(0, v.speedMps + accel * dt);
      v.heading = (v.heading + random.normal(0, 0.5) + 360) % 360;
    }
    const meters = v.speedMps * dt;
    const rad = (v.heading * Math.PI) / 180;
    v.lat += (meters * Math.cos(rad)) / 111_320;
    v.lng += (meters * Math.sin(rad)) / (111_320 * Math.cos((v.lat * Math.PI) / 180));
    return [
      at,
      v.vin,
      (v.speedMps / MPS_PER_MPH).toFixed(2),
      (accel / G).toFixed(4),
      v.lat.toFixed(6),
      v.lng.toFixed(6),
      Math.round(v.heading),
      v.road,
      v.weather,
    ].join(';');
  });
}
