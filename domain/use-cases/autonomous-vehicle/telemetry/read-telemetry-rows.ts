import { isMissing, typeOfValue } from '#domain/tabular/infer-column-types.js';
import type { Cell, ParsedTable } from '#domain/tabular/parse-table.js';
import { parseIsoTimestamp } from '#domain/fields/iso-timestamp.js';
import type { ResolvedColumns } from './resolve-columns.js';
import { conditionToken, type TelemetryColumn } from './telemetry-columns.js';
import type { TelemetryViolation } from './telemetry-checks.js';
import type { TelemetrySample } from './telemetry-sample.js';
import { timeOfDayFromHour } from './time-of-day.js';

export interface TelemetryRows {
  samples: TelemetrySample[];
  /** Rows that could not be typed; they are left out of `samples`. */
  violations: TelemetryViolation[];
  /** Samples whose time of day came from the timestamp rather than a column. */
  timeOfDayDerived: number;
}

/** Types every row, collecting each unreadable value with its line instead of stopping at the first. */
export function readTelemetryRows(table: ParsedTable, columns: ResolvedColumns): TelemetryRows {
  const samples: TelemetrySample[] = [];
  const violations: TelemetryViolation[] = [];
  let timeOfDayDerived = 0;
  table.rows.forEach((row, index) => {
    const line = table.rowLines[index] ?? index + 2;
    const cell = (name: TelemetryColumn): Cell => {
      const at = columns.indexOf[name];
      return at === undefined ? null : (row[at] ?? null);
    };
    const problems: string[] = [];
    const number = (name: TelemetryColumn, required: boolean): number | null => {
      const raw = cell(name);
      if (isMissing(raw)) {
        if (required) problems.push(`${name} is empty`);
        return null;
      }
      const kind = typeOfValue(raw!.trim());
      if (kind !== 'integer' && kind !== 'float') {
        problems.push(`${name} ${quote(raw!)} is not a number`);
        return null;
      }
      return Number(raw!.trim());
    };

    const rawTimestamp = cell('timestamp');
    const timestamp = isMissing(rawTimestamp) ? undefined : parseIsoTimestamp(rawTimestamp!);
    if (isMissing(rawTimestamp)) problems.push('timestamp is empty');
    else if (!timestamp) problems.push(`timestamp ${quote(rawTimestamp!)} is not an ISO-8601 date-time`);
    const vehicleId = cell('vehicle_id')?.trim() ?? '';
    if (vehicleId === '') problems.push('vehicle_id is empty');
    const speedKmh = number('speed_kmh', true);
    const accelerationMps2 = number('acceleration_mps2', true);
    const latitude = number('latitude', true);
    const longitude = number('longitude', true);
    const heading = number('heading', false);

    if (problems.length > 0 || !timestamp || speedKmh === null || accelerationMps2 === null || latitude === null || longitude === null) {
      for (const message of problems) violations.push({ line, check: 'values_parse', message });
      return;
    }
    const statedTimeOfDay = cell('time_of_day');
    if (isMissing(statedTimeOfDay)) timeOfDayDerived++;
    samples.push({
      line,
      timestamp: timestamp.iso,
      epochMs: timestamp.epochMs,
      vehicleId,
      speedKmh,
      accelerationMps2,
      latitude,
      longitude,
      roadType: token(cell('road_type')),
      weather: token(cell('weather')),
      timeOfDay: isMissing(statedTimeOfDay) ? timeOfDayFromHour(timestamp.localHour) : conditionToken(statedTimeOfDay!),
      heading,
    });
  });
  return { samples, violations, timeOfDayDerived };
}

function token(cell: Cell): string {
  return isMissing(cell) ? 'unknown' : conditionToken(cell!);
}

/** Quoted and cut short: a stray 10 KB cell should not swamp the rejection message. */
function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}
