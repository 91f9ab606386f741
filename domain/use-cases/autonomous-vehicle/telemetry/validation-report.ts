import type { ParsedTable } from '#domain/tabular/parse-table.js';
import { countBy } from '../shared/count-by.js';
import { groupByVehicle } from '../shared/group-by-vehicle.js';
import { describeReading, type FieldMapping } from '#domain/fields/index.js';
import { REQUIRED_TELEMETRY_FIELDS } from './telemetry-fields.js';
import { TELEMETRY_CHECKS, type CheckName } from './telemetry-checks.js';
import type { TelemetrySample } from './telemetry-sample.js';

export interface ValidationReport {
  format: string;
  rows: number;
  vehicles: number;
  samplesPerVehicle: Record<string, number>;
  timeSpan: { start: string; end: string; durationSeconds: number };
  /** Which column became which field and how its values were read; what is absent and what that means. */
  columns: {
    fields: { field: string; column: string; reading: string; rule: string }[];
    absent: { field: string; withoutIt: string }[];
    unmapped: string[];
  };
  timeOfDay: { derivedFromTimestamp: number; fromColumn: number };
  checks: { name: string; description: string; passed: boolean; violations: number }[];
  conditions: { roadType: Record<string, number>; weather: Record<string, number>; timeOfDay: Record<string, number> };
}

/** Written only for accepted data, so every check it lists has passed with nothing to report. */
export function buildValidationReport(table: ParsedTable, mapping: FieldMapping, samples: readonly TelemetrySample[], timeOfDayDerived: number): ValidationReport {
  // A loop, not Math.min(...): spreading a million timestamps overflows the call stack.
  let start = Infinity;
  let end = -Infinity;
  for (const s of samples) {
    start = Math.min(start, s.epochMs);
    end = Math.max(end, s.epochMs);
  }
  const checkNames = Object.keys(TELEMETRY_CHECKS) as CheckName[];
  return {
    format: table.format,
    rows: samples.length,
    vehicles: groupByVehicle(samples).size,
    samplesPerVehicle: countBy(samples, (s) => s.vehicleId),
    timeSpan: { start: new Date(start).toISOString(), end: new Date(end).toISOString(), durationSeconds: (end - start) / 1000 },
    columns: {
      fields: mapping.fields.map((f) => ({ field: f.field, column: f.column, reading: describeReading(f), rule: f.rule })),
      absent: mapping.absent.map((a) => ({ field: a.field, withoutIt: a.withoutIt })),
      unmapped: mapping.unmapped,
    },
    timeOfDay: { derivedFromTimestamp: timeOfDayDerived, fromColumn: samples.length - timeOfDayDerived },
    checks: [
      { name: 'required_fields', description: `fields found: ${REQUIRED_TELEMETRY_FIELDS.join(', ')}`, passed: true, violations: 0 },
      ...checkNames.map((name) => ({ name, description: TELEMETRY_CHECKS[name].description, passed: true, violations: 0 })),
    ],
    conditions: {
      roadType: countBy(samples, (s) => s.roadType),
      weather: countBy(samples, (s) => s.weather),
      timeOfDay: countBy(samples, (s) => s.timeOfDay),
    },
  };
}
