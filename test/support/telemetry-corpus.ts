/**
 * Telemetry as other teams' loggers write it: one made-up pair of drives, rendered with other
 * names, units, time encodings, delimiters and formats. The readings are the same in every
 * rendering, so a test can check that each file is read to the same figures.
 */
export interface Reading {
  epochMs: number;
  vehicle: string;
  speedKmh: number;
  accelerationMps2: number;
  latitude: number;
  longitude: number;
  weather: string;
  road: string;
}

const START = Date.UTC(2026, 5, 9, 14, 30, 0);

/** Two vehicles, 90 s each at 1 Hz, accelerating to 72 km/h then braking, interleaved by time. */
export function corpusReadings(): Reading[] {
  const readings: Reading[] = [];
  for (let i = 0; i < 90; i++) {
    for (const [vehicle, north] of [
      ['KA-7', 49.0],
      ['KA-9', 49.2],
    ] as const) {
      const speedKmh = i < 40 ? i * 1.8 : i < 70 ? 72 : Math.max(0, 72 - (i - 70) * 3.6);
      const accelerationMps2 = i < 40 ? 0.5 : i < 70 ? 0 : speedKmh > 0 ? -1 : 0;
      readings.push({
        epochMs: START + i * 1000,
        vehicle,
        speedKmh,
        accelerationMps2,
        latitude: north + i * 0.00015,
        longitude: 8.4,
        weather: i < 45 ? 'clear' : 'rain',
        road: i < 30 ? 'urban' : 'rural',
      });
    }
  }
  return readings;
}

export const CORPUS_MAX_SPEED_KMH = 72;

export interface CorpusFile {
  name: string;
  body: string;
  /** The upload's folder below `uploads/autonomous_vehicle/`. */
  folder: string;
  metadata?: Record<string, string>;
  /** A `_column-map.json` stored in the folder first. */
  mappingFile?: Record<string, string>;
  expect: { status: 'completed'; vehicles: number } | { status: 'failed'; code: string; mentions: string[] };
}

const lines = (header: string, rows: string[], separator = '\n') => `${[header, ...rows].join(separator)}\n`;
const two = (n: number) => String(n).padStart(2, '0');
const dayFirst = (ms: number) => {
  const d = new Date(ms);
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
};
const monthFirst = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
};
const iso = (ms: number) => new Date(ms).toISOString();
const comma = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');

export function telemetryCorpus(): CorpusFile[] {
  const all = corpusReadings();
  const one = all.filter((r) => r.vehicle === 'KA-7');
  return [
    {
      name: 'fleet-platform.csv',
      folder: 'platform',
      body: lines(
        'timestamp,vehicle_id,speed_kmh,accel_ms2,lat,lon,weather,road_type,scenario',
        all.map((r) =>
          [iso(r.epochMs), r.vehicle, r.speedKmh.toFixed(1), r.accelerationMps2, r.latitude.toFixed(6), r.longitude, r.weather, r.road, 'loop-3'].join(','),
        ),
      ),
      expect: { status: 'completed', vehicles: 2 },
    },
    {
      name: 'us-logger.csv',
      folder: 'us',
      body: lines(
        'ts_ms,vin,speed_mph,accel_g,gps_lat,gps_lng',
        all.map((r) =>
          [
            r.epochMs,
            `VIN-${r.vehicle}`,
            (r.speedKmh / 1.609344).toFixed(4),
            (r.accelerationMps2 / 9.80665).toFixed(5),
            r.latitude.toFixed(6),
            r.longitude,
          ].join(','),
        ),
      ),
      expect: { status: 'completed', vehicles: 2 },
    },
    {
      name: 'robotaxi-epoch-seconds.csv',
      folder: 'robotaxi',
      body: lines(
        'time_s,VehicleID,SpeedMps,AccelMps2,Latitude,Longitude,Heading',
        all.map((r) => [r.epochMs / 1000, r.vehicle, (r.speedKmh / 3.6).toFixed(4), r.accelerationMps2, r.latitude.toFixed(6), r.longitude, 0].join(',')),
      ),
      expect: { status: 'completed', vehicles: 2 },
    },
    {
      name: 'shuttle.tsv',
      folder: 'shuttle',
      body: lines(
        'LON\tLAT\tSPEED_KPH\tACC\tTIMESTAMP\tVEHICLE\tROAD',
        all.map((r) =>
          [r.longitude, r.latitude.toFixed(6), r.speedKmh.toFixed(1), r.accelerationMps2, iso(r.epochMs), r.vehicle, r.road.toUpperCase()].join('\t'),
        ),
      ),
      expect: { status: 'completed', vehicles: 2 },
    },
    {
      name: 'bus-feed.ndjson',
      folder: 'bus',
      body:
        all
          .map((r) =>
            JSON.stringify({
              recorded_at: iso(r.epochMs),
              car_id: r.vehicle,
              velocity_kmh: r.speedKmh,
              acceleration: r.accelerationMps2,
              position_lat: r.latitude,
              position_lon: r.longitude,
            }),
          )
          .join('\n') + '\n',
      expect: { status: 'completed', vehicles: 2 },
    },
    {
      name: 'fahrt-ka7.csv',
      folder: 'werk-karlsruhe',
      mappingFile: { speed: 'Geschwindigkeit_kmh', acceleration: 'Beschleunigung' },
      body: lines(
        'Zeitstempel;Geschwindigkeit_kmh;Beschleunigung;Breite;Länge;Wetter',
        one.map((r) =>
          [dayFirst(r.epochMs), comma(r.speedKmh, 1), comma(r.accelerationMps2, 2), comma(r.latitude, 6), comma(r.longitude, 4), r.weather].join(';'),
        ),
      ),
      expect: { status: 'completed', vehicles: 1 },
    },
    {
      name: 'dashcam-us-dates.csv',
      folder: 'dashcam',
      metadata: { 'column-map': 'time=Local Time:mdy, vehicle=Unit, speed=Spd:mph, acceleration=G-X:g' },
      body: lines(
        'Local Time,Unit,Spd,G-X,Lat,Lng',
        all.map((r) =>
          [
            monthFirst(r.epochMs),
            r.vehicle,
            (r.speedKmh / 1.609344).toFixed(3),
            (r.accelerationMps2 / 9.80665).toFixed(5),
            r.latitude.toFixed(6),
            r.longitude,
          ].join(','),
        ),
      ),
      expect: { status: 'completed', vehicles: 2 },
    },
    {
      name: 'two-speed-sensors.csv',
      folder: 'ambiguous',
      // Wheel and GPS speed (speed_kmh, velocity_kmh) both fit the speed field equally: the first is taken and the choice reported.
      body: lines(
        'timestamp,vehicle_id,speed_kmh,velocity_kmh,accel_mps2,lat,lon,yaw_rate_dps,battery_soc',
        all.map((r) =>
          [
            iso(r.epochMs),
            r.vehicle,
            r.speedKmh.toFixed(1),
            (r.speedKmh * 0.98).toFixed(1),
            r.accelerationMps2,
            r.latitude.toFixed(6),
            r.longitude,
            0.2,
            81,
          ].join(','),
        ),
      ),
      expect: { status: 'completed', vehicles: 2 },
    },
    {
      name: 'no-acceleration.csv',
      folder: 'partial',
      body: lines(
        'timestamp,vehicle_id,speed_kmh,lat,lon,odometer_km',
        all.map((r) => [iso(r.epochMs), r.vehicle, r.speedKmh, r.latitude.toFixed(6), r.longitude, 100].join(',')),
      ),
      expect: {
        status: 'failed',
        code: 'missing_fields',
        mentions: ['acceleration', 'columns seen: timestamp, vehicle_id, speed_kmh, lat, lon, odometer_km', '--map acceleration='],
      },
    },
    {
      name: 'mapped-to-nothing.csv',
      folder: 'typo',
      metadata: { 'column-map': 'speed=vehicle_speed_kmh' },
      body: lines(
        'timestamp,vehicle_id,speed_kmh,accel,lat,lon',
        all.map((r) => [iso(r.epochMs), r.vehicle, r.speedKmh, r.accelerationMps2, r.latitude.toFixed(6), r.longitude].join(',')),
      ),
      expect: { status: 'failed', code: 'invalid_column_map', mentions: ['the file has no column "vehicle_speed_kmh"'] },
    },
    {
      name: 'mph-glitch.csv',
      folder: 'glitch',
      body: lines(
        'ts,vehicle,speed_mph,accel_mps2,lat,lon',
        all.map((r, i) =>
          [iso(r.epochMs), r.vehicle, i === 50 ? '199.0' : (r.speedKmh / 1.609344).toFixed(3), r.accelerationMps2, r.latitude.toFixed(6), r.longitude].join(
            ',',
          ),
        ),
      ),
      // 199 mph is 320.3 km/h: over the limit only once converted.
      expect: { status: 'failed', code: 'implausible_values', mentions: ['line 52: speed 320.26 km/h is outside 0..300'] },
    },
    {
      name: 'two-cars-unnamed.csv',
      folder: 'unnamed',
      body: lines(
        'ts,car_no,spd_kmh,accel,lat,lon',
        all.map((r) => [iso(r.epochMs), r.vehicle, r.speedKmh, r.accelerationMps2, r.latitude.toFixed(6), r.longitude].join(',')),
      ),
      // No column is recognised as the vehicle, so two cars read as one whose clock repeats.
      expect: { status: 'failed', code: 'timestamps_not_increasing', mentions: ['no column was recognised as the vehicle', '--map vehicle=<column>'] },
    },
  ];
}
