import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

/**
 * A fleet export whose vehicle column is `unit_vin`, next to a VIN check digit and a part price
 * that must not be taken for the vehicle: two vehicles at 1 Hz, driving north at a steady
 * 36 and 54 km/h (0.00009° and 0.000135° of latitude a second).
 */
const FLEET_EXPORT = `${[
  'recorded_at,unit_vin,vin_check_digit,unit_price,speed_kmh,accel_mps2,gps_lat,gps_lon',
  '2026-03-02T08:00:00Z,WVWZZZ1JZ3W000111,3,12.40,36.0,0.0,48.100000,11.500000',
  '2026-03-02T08:00:00Z,WBA3B5C50DF000222,9,12.40,54.0,0.0,48.200000,11.600000',
  '2026-03-02T08:00:01Z,WVWZZZ1JZ3W000111,3,12.40,36.0,0.0,48.100090,11.500000',
  '2026-03-02T08:00:01Z,WBA3B5C50DF000222,9,12.40,54.0,0.0,48.200135,11.600000',
  '2026-03-02T08:00:02Z,WVWZZZ1JZ3W000111,3,12.40,36.0,0.0,48.100180,11.500000',
  '2026-03-02T08:00:02Z,WBA3B5C50DF000222,9,12.40,54.0,0.0,48.200270,11.600000',
  '2026-03-02T08:00:03Z,WVWZZZ1JZ3W000111,3,12.40,36.0,0.0,48.100270,11.500000',
  '2026-03-02T08:00:03Z,WBA3B5C50DF000222,9,12.40,54.0,0.0,48.200405,11.600000',
  '2026-03-02T08:00:04Z,WVWZZZ1JZ3W000111,3,12.40,36.0,0.0,48.100360,11.500000',
  '2026-03-02T08:00:04Z,WBA3B5C50DF000222,9,12.40,54.0,0.0,48.200540,11.600000',
].join('\n')}\n`;

describe('autonomous_vehicle on telemetry whose vehicle column is unit_vin', () => {
  let harness: Harness;
  let upload: JourneyView;
  let eda: JourneyView;

  beforeAll(async () => {
    harness = await embeddedHarness();
    upload = await harness.uploadAndWait(FLEET_EXPORT, 'uploads/autonomous_vehicle/fleet-export/unit-vin.csv');
    eda = await harness.uploadAndWait(FLEET_EXPORT, 'uploads/autonomous_vehicle/fleet-export/unit-vin.csv', { journey: 'eda' });
  }, 60_000);
  afterAll(() => harness.close());

  const json = async (view: JourneyView, name: string) => {
    const ref = view.artifacts.find((a) => a.name === name);
    if (!ref) throw new Error(`${view.journeyId} left no ${name}; it left ${view.artifacts.map((a) => a.name).join(', ')}`);
    return JSON.parse(await harness.text(ref.bucket, ref.key));
  };

  it('the upload journey reads unit_vin as the vehicle and counts two vehicles, not one named after the file', async () => {
    expect(upload.status, JSON.stringify(upload.error)).toBe('completed');
    const mapping = await json(upload, 'column-mapping.json');
    expect(mapping.fields.find((f: { field: string }) => f.field === 'vehicle')).toMatchObject({ column: 'unit_vin', rule: 'name' });
    expect(mapping.unmapped).toEqual(['vin_check_digit', 'unit_price']);
    const report = await json(upload, 'validation-report.json');
    expect(report.vehicles).toBe(2);
    expect(Object.keys(report.samplesPerVehicle).sort()).toEqual(['WBA3B5C50DF000222', 'WVWZZZ1JZ3W000111']);
  });

  it('the EDA journey reports the two vehicles by their VIN', async () => {
    expect(eda.status, JSON.stringify(eda.error)).toBe('completed');
    const performance = await json(eda, 'vehicle-performance.json');
    const byVehicle = Object.fromEntries(performance.vehicles.map((v: { vehicleId: string; speedKmh: { max: number } }) => [v.vehicleId, v.speedKmh.max]));
    expect(byVehicle).toEqual({ WVWZZZ1JZ3W000111: 36, WBA3B5C50DF000222: 54 });
  });
});
