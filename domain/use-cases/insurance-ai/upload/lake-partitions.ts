import type { LineOfBusiness } from '../shared/code-lists.js';
import type { InsuranceRecord } from './insurance-record.js';

export interface LakePartition {
  /** Null when the file has no line of business. */
  lob: LineOfBusiness | null;
  /** The effective-date year, or the loss year of a file without effective dates; null when neither. */
  year: number | null;
}

/** What Hive, Glue and Athena call a partition whose value is null. */
const NULL_PARTITION = '__HIVE_DEFAULT_PARTITION__';

/**
 * A record's partition: its line of business and year, the two filters nearly every actuarial
 * query starts with: the policy's effective year, or for a claims register without effective
 * dates the loss year.
 */
export function partitionOf(record: InsuranceRecord): LakePartition {
  const date = record.effective_date ?? record.claim_date;
  return { lob: record.line_of_business, year: date === null ? null : Number(date.slice(0, 4)) };
}

/** Partitions ordered by lob then year, nulls last, so partitions.json reads the same for the same extract. */
export function partitionOrder(a: LakePartition, b: LakePartition): number {
  const order = (p: LakePartition) => `${p.lob ?? '~'}/${p.year === null ? '~' : String(p.year).padStart(4, '0')}`;
  return order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0;
}

/** Hive-style path segment, so Athena/Glue/Spark discover `lob` and `year` as partition columns. */
export function partitionPath(partition: Pick<LakePartition, 'lob' | 'year'>): string {
  return `lob=${partition.lob ?? NULL_PARTITION}/year=${partition.year ?? NULL_PARTITION}`;
}

export function toNdjson(records: readonly unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}
