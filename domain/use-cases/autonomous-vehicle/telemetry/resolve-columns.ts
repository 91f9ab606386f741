import { columnKey, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type TelemetryColumn } from './telemetry-columns.js';

export interface ResolvedColumns {
  /** Where each known column sits in a row; absent columns are missing keys. */
  indexOf: Partial<Record<TelemetryColumn, number>>;
  missing: string[];
  optionalPresent: string[];
  /** Columns we carry no meaning for; kept in the report so nobody wonders where they went. */
  ignored: string[];
}

export function resolveColumns(header: readonly string[]): ResolvedColumns {
  const indexOf: Partial<Record<TelemetryColumn, number>> = {};
  const ignored: string[] = [];
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  header.forEach((name, index) => {
    const key = columnKey(name);
    if (known.has(key) && indexOf[key as TelemetryColumn] === undefined) indexOf[key as TelemetryColumn] = index;
    else ignored.push(name);
  });
  return {
    indexOf,
    missing: REQUIRED_COLUMNS.filter((name) => indexOf[name] === undefined),
    optionalPresent: OPTIONAL_COLUMNS.filter((name) => indexOf[name] !== undefined),
    ignored,
  };
}
