import type { DeliveryNotice, DeliverySummary } from '#domain/use-cases/use-case-module.js';
import { formatCount } from './shared/format-number.js';
import { REQUIRED_COLUMNS } from './telemetry/telemetry-columns.js';

/** What to do about each rejection, in the words of someone who has seen it before. */
const ADVICE: Record<string, string> = {
  missing_columns: `The telemetry needs the columns ${REQUIRED_COLUMNS.join(', ')}; road_type, weather, time_of_day and heading are optional.`,
  invalid_values: 'Timestamps must be ISO-8601 (e.g. 2026-03-02T07:40:00Z) and speed, acceleration, latitude and longitude plain numbers.',
  timestamps_not_increasing: "Each vehicle's samples must be in time order without repeated timestamps; sort by vehicle_id and timestamp and remove duplicates.",
  implausible_values: 'Check the units (km/h, m/s², decimal degrees) and remove sensor glitches: speeds above 300 km/h, accelerations beyond ±15 m/s² or GPS jumps.',
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
  const vehicles = number('validate_test_data', 'vehicles') ?? 0;
  const rows = number('validate_test_data', 'rows') ?? 0;
  const scenarios = number('create_test_plan', 'scenarios') ?? 0;
  const critical = number('create_test_plan', 'critical') ?? 0;
  const covered = number('generate_coverage_metrics', 'plausibleCellsCoveredPercent') ?? 0;
  const segments = number('process_historical_data', 'segments') ?? 0;
  const distanceKm = number('process_historical_data', 'distanceKm') ?? 0;
  const hardBraking = number('process_historical_data', 'hardBrakingEvents') ?? 0;
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
