import type { SampleFile } from '#domain/use-cases/use-case-module.js';
import { badTimestampsSample, implausibleSpeedSample, invalidValuesSample, missingFieldsSample } from './bad-samples.js';
import { simulateFleet } from './simulate-fleet.js';
import { csvFields, toCsv } from './telemetry-csv.js';
import { vendorExportSamples } from './vendor-exports.js';

/** Rows the bad samples keep: enough to look real, small enough to read the failing lines. */
const BAD_SAMPLE_ROWS = 400;

export function autonomousVehicleSamples(seed: number): SampleFile[] {
  const simulated = simulateFleet(seed);
  const rows = simulated.map(csvFields);
  const vehicles = new Set(rows.map((r) => r.vehicle_id)).size;
  const head = rows.slice(0, BAD_SAMPLE_ROWS);
  return [
    {
      fileName: 'av-telemetry.csv',
      body: toCsv(rows),
      expect: { status: 'completed' },
      description: `One day of 1 Hz telemetry from ${vehicles} test vehicles (${rows.length} rows): urban, rural and highway driving in clear weather, rain and fog, with parking stops and hard braking.`,
    },
    ...vendorExportSamples(simulated),
    missingFieldsSample(head),
    badTimestampsSample(head),
    implausibleSpeedSample(head),
    invalidValuesSample(head),
  ];
}
