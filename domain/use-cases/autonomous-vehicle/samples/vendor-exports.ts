import type { SampleFile } from '#domain/use-cases/use-case-module.js';
import type { SimulatedRow } from './simulated-row.js';

/**
 * The same drives as other teams' loggers write them: other column names, units, time
 * encodings, delimiters and column sets. Each must run the journey as the canonical file does.
 */
export function vendorExportSamples(rows: readonly SimulatedRow[]): SampleFile[] {
  return [fleetPlatformExport(rows), usLoggerExport(rows), singleVehicleSemicolonExport(rows)];
}

const KMH_PER_MPH = 1.609344;
const STANDARD_GRAVITY = 9.80665;
const iso = (epochMs: number) => new Date(epochMs).toISOString().replace('.000Z', 'Z');

/** A fleet platform's CSV: abbreviated names, an extra column, another column order. */
function fleetPlatformExport(rows: readonly SimulatedRow[]): SampleFile {
  const scenario = (r: SimulatedRow) => (r.speedKmh < 1 ? 'parked' : r.roadType === 'highway' ? 'cruise' : 'city_loop');
  const lines = ['timestamp,vehicle_id,speed_kmh,accel_ms2,lat,lon,weather,road_type,scenario'];
  for (const r of rows)
    lines.push(
      [
        iso(r.epochMs),
        r.vehicleId,
        r.speedKmh.toFixed(1),
        r.accelerationMps2.toFixed(2),
        r.latitude.toFixed(6),
        r.longitude.toFixed(6),
        r.weather,
        r.roadType,
        scenario(r),
      ].join(','),
    );
  return {
    fileName: 'av-fleet-platform-export.csv',
    body: `${lines.join('\n')}\n`,
    expect: { status: 'completed' },
    description:
      'A fleet platform export: accel_ms2, lat and lon for acceleration and position, weather before road type, and a scenario column the journey does not use.',
  };
}

/** A US logger: epoch milliseconds, mph, g, a VIN, no road or weather columns. */
function usLoggerExport(rows: readonly SimulatedRow[]): SampleFile {
  const lines = ['ts_ms,vin,speed_mph,accel_g,gps_lat,gps_lng,hdg'];
  for (const r of rows) {
    lines.push(
      [
        r.epochMs,
        `1HGCM8263${r.vehicleId.replace(/\W/g, '').toUpperCase().padStart(8, '0')}`,
        (r.speedKmh / KMH_PER_MPH).toFixed(2),
        (r.accelerationMps2 / STANDARD_GRAVITY).toFixed(4),
        r.latitude.toFixed(6),
        r.longitude.toFixed(6),
        r.heading.toFixed(1),
      ].join(','),
    );
  }
  return {
    fileName: 'av-us-logger-mph.csv',
    body: `${lines.join('\n')}\n`,
    expect: { status: 'completed' },
    description:
      'A US data logger: epoch milliseconds, speed in mph, acceleration in g, VINs; no road type or weather, so coverage and the plan say those axes are not recorded.',
  };
}

/**
 * One vehicle's drive from a European tool: semicolons, decimal commas, day-first local times
 * and German column names only a declared mapping (here the upload's column-map metadata) explains.
 */
function singleVehicleSemicolonExport(rows: readonly SimulatedRow[]): SampleFile {
  const vehicle = rows[0]!.vehicleId;
  const comma = (value: number, decimals: number) => value.toFixed(decimals).replace('.', ',');
  const dayFirst = (epochMs: number) => {
    const d = new Date(epochMs);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  };
  const lines = ['Zeitstempel;Geschwindigkeit;Beschleunigung;Breitengrad;Laengengrad;Strassentyp;Wetter'];
  for (const r of rows.filter((row) => row.vehicleId === vehicle)) {
    lines.push(
      [dayFirst(r.epochMs), comma(r.speedKmh, 1), comma(r.accelerationMps2, 2), comma(r.latitude, 6), comma(r.longitude, 6), r.roadType, r.weather].join(';'),
    );
  }
  return {
    fileName: 'av-single-vehicle-semicolon.csv',
    body: `${lines.join('\n')}\n`,
    metadata: {
      'column-map':
        'time=Zeitstempel:dmy,speed=Geschwindigkeit:kmh,acceleration=Beschleunigung,latitude=Breitengrad,longitude=Laengengrad,road_type=Strassentyp,weather=Wetter',
    },
    expect: { status: 'completed' },
    description: `One vehicle's drive (${vehicle}) exported with semicolons, decimal commas, day-first times and German column names, uploaded with a column-map; without a vehicle column the file name names the vehicle.`,
  };
}
