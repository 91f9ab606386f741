import { increment, sortedCounts } from '../numbers/count-by.js';
import { describeReading, type FieldMapping } from '#domain/fields/index.js';
import { REQUIRED_TELEMETRY_FIELDS } from '../../shared/telemetry-fields.js';
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

/** What the report says about the samples, counted as they pass so none has to be kept. */
export class ValidationTally {
  private start = Infinity;
  private end = -Infinity;
  private rows = 0;
  private derived = 0;
  private readonly perVehicle = new Map<string, number>();
  private readonly roadType = new Map<string, number>();
  private readonly weather = new Map<string, number>();
  private readonly timeOfDay = new Map<string, number>();

  add(sample: TelemetrySample, timeOfDayDerived: boolean): void {
    this.rows++;
    if (timeOfDayDerived) this.derived++;
    this.start = Math.min(this.start, sample.epochMs);
    this.end = Math.max(this.end, sample.epochMs);
    increment(this.perVehicle, sample.vehicleId);
    increment(this.roadType, sample.roadType);
    increment(this.weather, sample.weather);
    increment(this.timeOfDay, sample.timeOfDay);
  }

  get timeOfDayDerived(): number {
    return this.derived;
  }

  /** Written only for accepted data, so every check it lists has passed with nothing to report. */
  report(format: string, mapping: FieldMapping): ValidationReport {
    const checkNames = Object.keys(TELEMETRY_CHECKS) as CheckName[];
    return {
      format,
      rows: this.rows,
      vehicles: this.perVehicle.size,
      samplesPerVehicle: sortedCounts(this.perVehicle),
      timeSpan: { start: new Date(this.start).toISOString(), end: new Date(this.end).toISOString(), durationSeconds: (this.end - this.start) / 1000 },
      columns: {
        fields: mapping.fields.map((f) => ({ field: f.field, column: f.column, reading: describeReading(f), rule: f.rule })),
        absent: mapping.absent.map((a) => ({ field: a.field, withoutIt: a.withoutIt })),
        unmapped: mapping.unmapped,
      },
      timeOfDay: { derivedFromTimestamp: this.derived, fromColumn: this.rows - this.derived },
      checks: [
        { name: 'required_fields', description: `fields found: ${REQUIRED_TELEMETRY_FIELDS.join(', ')}`, passed: true, violations: 0 },
        ...checkNames.map((name) => ({ name, description: TELEMETRY_CHECKS[name].description, passed: true, violations: 0 })),
      ],
      conditions: { roadType: sortedCounts(this.roadType), weather: sortedCounts(this.weather), timeOfDay: sortedCounts(this.timeOfDay) },
    };
  }
}
