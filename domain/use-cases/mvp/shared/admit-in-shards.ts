import type { ShardedTableRead } from '#domain/ports/sharded-profiler.js';
import type { TableShardPass } from '#domain/sharding/table-shard.js';
import { AdmissionTally, type AdmissionPart } from './admission-tally.js';
import { admitted, type AdmittedTable } from './admit-table.js';

/** Admission's pass over one shard: its rows tallied, the tally handed back as a part. */
export const admissionShardPass: TableShardPass<AdmissionPart> = {
  name: 'mvp.admission',
  open() {
    const tally = new AdmissionTally();
    return {
      batch(batch) {
        tally.add(batch);
        return undefined;
      },
      part: () => tally.toPart(),
    };
  },
};

/** The verdict admitTable gives, from the shards' parts merged in file order. */
export function admittedFromShards(read: ShardedTableRead<AdmissionPart>): AdmittedTable {
  const tally = new AdmissionTally();
  for (const { part, firstLine } of read.parts) tally.merge(part, firstLine);
  return admitted({ ...read.table, violations: [], violationCount: 0 }, tally);
}
