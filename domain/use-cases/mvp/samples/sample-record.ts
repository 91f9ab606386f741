/** One row of a sample as the normalised copy should hold it: typed values, null for missing. */
export type SampleRecord = Record<string, string | number | boolean | null>;

const DAY_MS = 86_400_000;

/** `yyyy-mm-dd`, `days` after 2024-01-01. */
export function sampleDate(days: number): string {
  return new Date(Date.UTC(2024, 0, 1) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A UTC ISO datetime with milliseconds, the shape the normalised copy writes datetimes in. */
export function sampleDatetime(minutes: number): string {
  return new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();
}

/** Money with two decimals that survives text and back, sometimes a whole number. */
export function sampleAmount(cents: number): number {
  return cents / 100;
}
