import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { ARTIFACTS } from './artifact-names.js';
import type { InsuranceRecord } from './insurance-record.js';
import { partitionPath, partitionRecords, toNdjson } from './lake-partitions.js';
import { claimCount, distinctPolicies, incurredLosses, writtenPremium } from './portfolio-figures.js';

/**
 * Lands the validated records in the lake as NDJSON, partitioned `lob=<LOB>/year=<YYYY>` under
 * `lake/<use-case>/`, one file per journey in each partition so re-running a journey rewrites
 * only its own files and two uploads never collide. `partitions.json` lists what was written
 * with row counts and checksums, so a reader can verify the lake without listing the bucket.
 */
export const processDataLake: StepDefinition = {
  name: 'process_data_lake',
  description: 'Partition the normalised records by line of business and year into NDJSON lake files',
  async run(context) {
    const records = await context.readArtifactJson<InsuranceRecord[]>(ARTIFACTS.normalizedRecords);
    const partitions = [];
    for (const partition of partitionRecords(records)) {
      const path = partitionPath(partition);
      const ref = await context.writeArtifact({
        name: `partition ${path}`,
        key: `lake/${context.useCase}/${path}/${context.journeyId}.ndjson`,
        body: toNdjson(partition.records),
        contentType: 'application/x-ndjson',
      });
      partitions.push({
        lob: partition.lob,
        year: partition.year,
        path,
        key: ref.key,
        rows: partition.records.length,
        policies: distinctPolicies(partition.records),
        claims: claimCount(partition.records),
        writtenPremium: writtenPremium(partition.records),
        incurredLosses: incurredLosses(partition.records),
        bytes: ref.size,
        sha256: ref.sha256,
      });
    }
    const totalRows = partitions.reduce((sum, p) => sum + p.rows, 0);
    await context.writeJsonArtifact(ARTIFACTS.partitions, {
      partitionedBy: ['lob', 'year'],
      format: 'ndjson',
      totalRows,
      partitions,
    });
    return {
      summary: {
        partitions: partitions.length,
        rows: totalRows,
        linesOfBusiness: new Set(partitions.map((p) => p.lob)).size,
        years: new Set(partitions.map((p) => p.year)).size,
      },
    };
  },
};
