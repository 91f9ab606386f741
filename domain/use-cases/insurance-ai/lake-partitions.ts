import type { LineOfBusiness } from './code-lists.js';
import type { InsuranceRecord } from './insurance-record.js';

export interface LakePartition {
  lob: LineOfBusiness;
  year: number;
  records: InsuranceRecord[];
}

/**
 * Groups records by line of business and effective-date year, the two filters nearly every
 * actuarial query starts with. Partitions are ordered by lob then year, and records keep file
 * order, so the same extract always yields byte-identical partition files.
 */
export function partitionRecords(records: readonly InsuranceRecord[]): LakePartition[] {
  const byKey = new Map<string, LakePartition>();
  for (const record of records) {
    const year = Number(record.effective_date.slice(0, 4));
    const key = `${record.line_of_business}/${year}`;
    let partition = byKey.get(key);
    if (!partition) byKey.set(key, (partition = { lob: record.line_of_business, year, records: [] }));
    partition.records.push(record);
  }
  return [...byKey.values()].sort((a, b) => (a.lob === b.lob ? a.year - b.year : a.lob < b.lob ? -1 : 1));
}

/** Hive-style path segment, so Athena/Glue/Spark discover `lob` and `year` as partition columns. */
export function partitionPath(partition: Pick<LakePartition, 'lob' | 'year'>): string {
  return `lob=${partition.lob}/year=${partition.year}`;
}

export function toNdjson(records: readonly unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}
