import type { DeliveryNotice, DeliverySummary } from '#domain/use-cases/use-case-module.js';
import { formatCount } from './numbers/format-number.js';
import { COLUMN_MAP_FILE_NAME } from '#domain/fields/index.js';
import { REQUIRED_TELEMETRY_FIELDS } from '../shared/telemetry-fields.js';
import { createTestPlan } from './create-test-plan.js';
import { generateCoverageMetrics } from './generate-coverage-metrics.js';
import { processHistoricalData } from './process-historical-data.js';
import { validateTestData } from './validate-test-data.js';

/** What to do about each rejection, in the words of someone who has seen it before. */
const ADVICE: Record<string, string> = {
  missing_fields: `The telemetry needs the fields ${REQUIRED_TELEMETRY_FIELDS.join(', ')} under any usual column name (speed_mph, accel_g, lat, ts_ms, ...); vehicle, road_type, weather, time_of_day and heading are optional. Name the columns the platform could not find with --map field=column[:unit], column-map object metadata or a ${COLUMN_MAP_FILE_NAME} beside the upload.`,
  invalid_column_map: `The declared column mapping is field=column[:unit] pairs, each field a known one and each column in the file's header; fix the --map arguments, the column-map metadata or the ${COLUMN_MAP_FILE_NAME}.`,
  invalid_values:
    'Times must be in one encoding per column (ISO-8601, epoch seconds or milliseconds, or a local date-time) and speed, acceleration, latitude and longitude plain numbers (a decimal comma is read).',
  timestamps_not_increasing: "Each vehicle's samples must be in time order without repeated timestamps; sort by vehicle and time and remove duplicates.",
  implausible_values:
    'Check the units: name them in the column (speed_mph, accel_g) or declare them (--map speed=v:mph); values are checked in km/h, m/s² and decimal degrees and remove sensor glitches: speeds above 300 km/h, accelerations beyond ±15 m/s² or GPS jumps.',
};

export function describeAutonomousVehicleDelivery(summary: DeliverySummary): DeliveryNotice {
  if (summary.outcome !== 'completed') {
    const code = summary.error?.code ?? 'unknown_error';
    const verb = summary.outcome === 'rejected' ? 'rejected' : 'could not be processed';
    return {
      subject: `Autonomous-vehicle test data ${verb}: ${code}`,
      message: [
        `${summary.inputKey} ${verb} (${code}): ${summary.error?.message ?? 'no reason was given'}.`,
        ADVICE[code] ?? 'Fix the file and upload it again.',
        `Journey ${summary.journeyId}.`,
      ].join('\n\n'),
    };
  }
  const number = (step: string, key: string): number | undefined => {
    const value = summary.summaries[step]?.[key];
    return typeof value === 'number' ? value : undefined;
  };
  const vehicles = number(validateTestData.name, 'vehicles') ?? 0;
  const rows = number(validateTestData.name, 'rows') ?? 0;
  const scenarios = number(createTestPlan.name, 'scenarios') ?? 0;
  const critical = number(createTestPlan.name, 'critical') ?? 0;
  const covered = number(generateCoverageMetrics.name, 'plausibleCellsCoveredPercent') ?? 0;
  const segments = number(processHistoricalData.name, 'segments') ?? 0;
  const distanceKm = number(processHistoricalData.name, 'distanceKm') ?? 0;
  const hardBraking = number(processHistoricalData.name, 'hardBrakingEvents') ?? 0;
  const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
  return {
    subject: `Autonomous-vehicle test plan ready: ${plural(scenarios, 'scenario')}, ${Math.round(covered)}% of conditions covered`,
    message: [
      `Test data for ${plural(vehicles, 'vehicle')} processed: ${plural(scenarios, 'scenario')} planned (${critical} critical), ${Math.round(covered)}% of conditions covered.`,
      `${summary.inputKey}: ${plural(rows, 'sample')} in ${plural(segments, 'drive segment')} over ${distanceKm} km, with ${plural(hardBraking, 'hard-braking event')}.`,
      'The plan is in test-plan.md (and test-plan.json); the coverage matrix in coverage-matrix.csv.',
      `Journey ${summary.journeyId}.`,
    ].join('\n\n'),
  };
}
