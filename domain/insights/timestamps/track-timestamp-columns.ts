import type { TableRecord } from '../records/stream-records.js';
import { TimestampSequenceTracker, type TimestampSequenceStats } from './timestamp-sequence.js';

/** One streaming pass following every named timestamp column in file order. */
export async function trackTimestampColumns(records: AsyncIterable<TableRecord>, columns: readonly string[]): Promise<TimestampSequenceStats[]> {
  const trackers = columns.map((column) => new TimestampSequenceTracker(column));
  if (trackers.length === 0) return [];
  for await (const record of records) {
    for (const tracker of trackers) tracker.add(record.row, record.values[tracker.column] ?? null);
  }
  return trackers.map((tracker) => tracker.result());
}
