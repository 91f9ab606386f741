import { fieldColumn, readInstant, readQuantity, type FieldMapping, type ResolvedField } from '#domain/fields/index.js';
import { isMissing } from '#domain/tabular/infer-column-types.js';
import type { Cell } from '#domain/tabular/parse-table.js';
import { conditionToken, type TelemetryField } from '../../shared/telemetry-fields.js';
import type { TelemetryViolation } from './telemetry-checks.js';
import type { TelemetrySample } from './telemetry-sample.js';
import { timeOfDayFromHour } from './time-of-day.js';

export type TelemetryRowReading =
  { sample: TelemetrySample; timeOfDayDerived: boolean; violations?: undefined } | { sample?: undefined; violations: TelemetryViolation[] };

/**
 * Types one row at a time through the column mapping (units converted, time read in its
 * encoding), returning every unreadable value with its line and column instead of stopping at
 * the first. `fileVehicle` names the vehicle of a file without a vehicle column.
 */
export function telemetryRowReader(mapping: FieldMapping, fileVehicle: string): (row: readonly Cell[], line: number) => TelemetryRowReading {
  const column = (field: TelemetryField): ResolvedField | undefined => fieldColumn(mapping, field);
  const time = column('time')!;
  const vehicle = column('vehicle');
  const stated = column('time_of_day');
  const roadType = column('road_type');
  const weather = column('weather');
  return (row, line) => {
    const cell = (resolved: ResolvedField | undefined): Cell => (resolved === undefined ? null : (row[resolved.index] ?? null));
    const problems: string[] = [];
    const quantity = (field: TelemetryField, required: boolean): number | null => {
      const resolved = column(field);
      const raw = cell(resolved);
      if (isMissing(raw)) {
        if (required) problems.push(`${label(field, resolved)} is empty`);
        return null;
      }
      const value = readQuantity(resolved!, raw!);
      if (value === undefined) problems.push(`${label(field, resolved)} ${quote(raw!)} is not a number`);
      return value ?? null;
    };

    const rawTime = cell(time);
    const timestamp = isMissing(rawTime) ? undefined : readInstant(time, rawTime!);
    if (isMissing(rawTime)) problems.push(`${label('time', time)} is empty`);
    else if (!timestamp) problems.push(`${label('time', time)} ${quote(rawTime!)} is not ${encodingInWords(time)}`);
    const vehicleId = vehicle ? (cell(vehicle)?.trim() ?? '') : fileVehicle;
    if (vehicleId === '') problems.push(`${label('vehicle', vehicle)} is empty`);
    const speedKmh = quantity('speed', true);
    const accelerationMps2 = quantity('acceleration', true);
    const latitude = quantity('latitude', true);
    const longitude = quantity('longitude', true);
    const heading = quantity('heading', false);

    if (problems.length > 0 || !timestamp || speedKmh === null || accelerationMps2 === null || latitude === null || longitude === null) {
      return { violations: problems.map((message) => ({ line, check: 'values_parse', message })) };
    }
    const statedTimeOfDay = cell(stated);
    return {
      timeOfDayDerived: isMissing(statedTimeOfDay),
      sample: {
        line,
        timestamp: timestamp.iso,
        epochMs: timestamp.epochMs,
        vehicleId,
        speedKmh,
        accelerationMps2,
        latitude,
        longitude,
        roadType: token(cell(roadType)),
        weather: token(cell(weather)),
        timeOfDay: isMissing(statedTimeOfDay) ? timeOfDayFromHour(timestamp.localHour) : conditionToken(statedTimeOfDay!),
        heading,
      },
    };
  };
}

/** The file's own column name, which is what the user searches for; the field only when no column has it. */
function label(field: TelemetryField, resolved: ResolvedField | undefined): string {
  return resolved === undefined ? field : resolved.column;
}

function encodingInWords(field: ResolvedField): string {
  switch (field.encoding?.name ?? 'iso') {
    case 'iso':
      return 'an ISO-8601 date-time';
    case 'epoch_s':
      return 'epoch seconds';
    case 'epoch_ms':
      return 'epoch milliseconds';
    case 'dmy':
      return 'a day-first date-time';
    case 'mdy':
      return 'a month-first date-time';
    case 'ymd':
      return 'a year-first date-time';
  }
}

function token(cell: Cell): string {
  return isMissing(cell) ? 'unknown' : conditionToken(cell!);
}

/** Quoted and cut short: a stray 10 KB cell should not swamp the rejection message. */
function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}
