import type { LineOfBusiness } from './code-lists.js';
import type { InsuranceRecord } from './insurance-record.js';

export interface LakePartition {
  /** Null when the file has no line of business. */
  lob: LineOfBusiness | null;
  /** The effective-date year, or the loss year of a file without effective dates; null when neither. */
  year: number | null;
  records: InsuranceRecord[];
}

/** What Hive, Glue and Athena call a partition whose value is null. */
const NULL_PARTITION = '__HIVE_DEFAULT_PARTITION__';

/**
 * Groups records by line of business and year, the two filters nearly every actuarial query
 * starts with: the policy's effective year, or for a claims register without effective dates
 * the loss year. Partitions are ordered by lob then year, and records keep file order, so the
 * same extract always yields byte-identical partition files.
 */
export function partitionRecords(records: readonly InsuranceRecord[]): LakePartition[] {
  const byKey = new Map<string, LakePartition>();
  for (const record of records) {
    const date = record.effective_date ?? record.claim_date;
    const year = date === null ? null : Number(date.slice(0, 4));
    const key = `${record.line_of_business}/${year}`;
    let partition = byKey.get(key);
    if (!partition) byKey.set(key, (partition = { lob: record.line_of_business, year, records: [] }));
    partition.records.push(record);
  }
  const order = (p: LakePartition) => `${p.lob ?? '~'}/${p.year === null ? '~' : String(p.year).padStart(4, '0')}`;
  return [...byKey.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** Hive-style path segment, so Athena/Glue/Spark discover `lob` and `year` as partition columns. */
export function partitionPath(partition: Pick<LakePartition, 'lob' | 'year'>): string {
  return `lob=${partition.lob ?? NULL_PARTITION}/year=${partition.year ?? NULL_PARTITION}`;
}

export function toNdjson(records: readonly unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}
