import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { ARTIFACTS } from './artifact-names.js';
import type { InsuranceRecord } from './insurance-record.js';
import { partitionPath, partitionRecords, toNdjson } from './lake-partitions.js';
import { describeLeftOut, fieldsOfUpload, type FileFields } from './field-availability.js';
import { claimCount, distinctPolicies, incurredLosses, outstandingReserves, paidLosses, portfolioFiguresLeftOut, writtenPremium } from './portfolio-figures.js';

/**
 * Lands the validated records in the lake as NDJSON, partitioned `lob=<LOB>/year=<YYYY>` under
 * `lake/<use-case>/`, one file per journey in each partition so re-running a journey rewrites
 * only its own files and two uploads never collide. `partitions.json` lists what was written
 * with row counts and checksums, so a reader can verify the lake without listing the bucket.
 */
export const LAKE_PREFIX = 'lake/';

export const processDataLake: StepDefinition = {
  name: 'process_data_lake',
  description: 'Partition the normalised records by line of business and year into NDJSON lake files',
  keyPrefixes: [LAKE_PREFIX],
  async run(context) {
    const records = await context.readArtifactJson<InsuranceRecord[]>(ARTIFACTS.normalizedRecords);
    const fields = await fieldsOfUpload(context);
    const partitionedBy = partitionSources(fields);
    const notes = partitionNotes(partitionedBy);
    const leftOut = portfolioFiguresLeftOut(fields).filter((l) => l.figure !== 'loss ratio');
    const partitions = [];
    for (const partition of partitionRecords(records)) {
      const path = partitionPath(partition);
      const ref = await context.writeArtifact({
        name: `partition ${path}`,
        key: `${LAKE_PREFIX}${context.useCase}/${path}/${context.journeyId}.ndjson`,
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
        claims: claimCount(partition.records, fields),
        writtenPremium: writtenPremium(partition.records, fields),
        paidLosses: paidLosses(partition.records, fields),
        outstandingReserves: outstandingReserves(partition.records, fields),
        incurredLosses: incurredLosses(partition.records, fields),
        bytes: ref.size,
        sha256: ref.sha256,
      });
    }
    const totalRows = partitions.reduce((sum, p) => sum + p.rows, 0);
    await context.writeJsonArtifact(ARTIFACTS.partitions, {
      partitionedBy: ['lob', 'year'],
      partitionSources: partitionedBy,
      notes,
      figuresLeftOut: leftOut,
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
        yearFrom: partitionedBy.year,
        notes: notes.join('; ') || null,
        leftOut: describeLeftOut(leftOut),
      },
    };
  },
};

/** Which field each partition key comes from; null when the file has nothing to split by. */
function partitionSources(fields: FileFields): { lob: 'line_of_business' | null; year: 'effective_date' | 'claim_date' | null } {
  return {
    lob: fields.has('line_of_business') ? 'line_of_business' : null,
    year: fields.has('effective_date') ? 'effective_date' : fields.has('claim_date') ? 'claim_date' : null,
  };
}

function partitionNotes(by: ReturnType<typeof partitionSources>): string[] {
  return [
    ...(by.lob ? [] : ['the file has no line of business: every record is in lob=__HIVE_DEFAULT_PARTITION__']),
    ...(by.year === 'claim_date' ? ['the file has no effective dates: records are partitioned by the year of loss'] : []),
    ...(by.year ? [] : ['the file has no dates: every record is in year=__HIVE_DEFAULT_PARTITION__']),
  ];
}
