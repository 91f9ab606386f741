import type { StepContext } from '#domain/journeys/step-definition.js';
import { inputRecordBatches } from '#domain/reporting/eda/index.js';
import { AV_EDA_ARTIFACTS } from '../names.js';
import { AnomalyScan, type AnomalyReport } from './anomaly-scan.js';
import { SafetyScan, type SafetyReport } from './safety-events.js';
import { telemetryReaderOf, type TelemetryReading } from './telemetry-fields.js';
import { VehiclePerformanceAnalysis, type FleetPerformance } from './vehicle-performance.js';

/** Something that reads the telemetry a reading at a time, in file order, and says what it found. */
interface TelemetryScanner<Result> {
  add(reading: TelemetryReading): void;
  result(): Result;
}

/** What analyze_vehicle_performance's pass finds for the two steps after it. */
export interface TelemetryScans {
  anomalies: AnomalyReport;
  safety: SafetyReport;
}

async function scanInput(context: StepContext, scanners: readonly TelemetryScanner<unknown>[]): Promise<void> {
  const read = await telemetryReaderOf(context);
  for await (const records of inputRecordBatches(context)) {
    for (const record of records) {
      const reading = read(record);
      for (const scanner of scanners) scanner.add(reading);
    }
  }
}

/**
 * Performance, anomalies and safety all follow each vehicle's readings in file order, so one read
 * of the upload feeds all three: reading and parsing the telemetry costs more than any of the
 * scans, and reading it once instead of three times is most of the EDA journey's time saved. The
 * first step keeps the other two results as an artifact for the steps that report them.
 */
export async function scanTelemetry(context: StepContext): Promise<{ performance: FleetPerformance } & TelemetryScans> {
  const performance = new VehiclePerformanceAnalysis();
  const anomalies = new AnomalyScan();
  const safety = new SafetyScan();
  await scanInput(context, [performance, anomalies, safety]);
  return { performance: performance.result(), anomalies: anomalies.result(), safety: safety.result() };
}

/**
 * A result of the shared pass, or, on a journey whose first step ran before the pass was shared
 * (redriven or replayed across an upgrade), a pass of this step's own.
 */
export async function scannedTelemetry<Key extends keyof TelemetryScans>(
  context: StepContext,
  key: Key,
  scanner: () => TelemetryScanner<TelemetryScans[Key]>,
): Promise<TelemetryScans[Key]> {
  if (context.findArtifact(AV_EDA_ARTIFACTS.telemetryScans)) return (await context.readArtifactJson<TelemetryScans>(AV_EDA_ARTIFACTS.telemetryScans))[key];
  const own = scanner();
  await scanInput(context, [own]);
  return own.result();
}
