import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { PER_POLICY_STREAM_PASS_POLICY } from '../shared/step-policies.js';
import { INSURANCE_ARTIFACTS } from '../names.js';
import { describeLeftOut, fieldsOfUpload, type FileFields } from '../shared/field-availability.js';
import { LakeWriter } from './lake-writer.js';
import { portfolioFiguresLeftOut } from './portfolio-figures.js';
import { recordLineBatches } from './record-stream.js';
import { RecordTally } from './record-tallies.js';
/**
 * Lands the validated records in the lake as NDJSON, partitioned `lob=<LOB>/year=<YYYY>` under
 * `lake/<use-case>/`, one file (or, for a large partition, one numbered series) per journey in each partition so re-running a journey rewrites
 * only its own files and two uploads never collide. `partitions.json` lists what was written
 * with row counts and checksums, so a reader can verify the lake without listing the bucket.
 */
export const LAKE_PREFIX = 'lake/';

export const processDataLake: StepDefinition = {
  name: 'process_data_lake',
  description: 'Partition the normalised records by line of business and year into NDJSON lake files',
  keyPrefixes: [LAKE_PREFIX],
  policy: PER_POLICY_STREAM_PASS_POLICY,
  async run(context) {
    const fields = await fieldsOfUpload(context);
    const partitionedBy = partitionSources(fields);
    const notes = partitionNotes(partitionedBy);
    const leftOut = portfolioFiguresLeftOut(fields).filter((l) => l.figure !== 'loss ratio');
    const lake = new LakeWriter(context, LAKE_PREFIX);
    // The tallies the later steps need before their own pass starts are gathered in this one (see record-tallies.ts).
    const tally = new RecordTally(fields);
    for await (const { records, lines } of recordLineBatches(context)) {
      for (let r = 0; r < records.length; r++) {
        tally.add(records[r]!);
        await lake.add(records[r]!, lines[r]);
      }
    }
    await context.writeJsonArtifact(INSURANCE_ARTIFACTS.recordTallies, tally.result());
    const partitions = (await lake.finish()).map((partition) => {
      const { policies, claims, writtenPremium, paidLosses, outstandingReserves, incurredLosses } = partition.tally.figures(fields);
      const only = partition.files.length === 1 ? partition.files[0]! : undefined;
      return {
        lob: partition.lob,
        year: partition.year,
        path: partition.path,
        // One file for most partitions; a partition larger than the step's buffer is a numbered series, listed in `files`.
        key: only?.key ?? null,
        rows: partition.rows,
        policies,
        claims,
        writtenPremium,
        paidLosses,
        outstandingReserves,
        incurredLosses,
        bytes: partition.files.reduce((sum, f) => sum + f.bytes, 0),
        sha256: only?.sha256 ?? null,
        files: partition.files,
      };
    });
    const totalRows = partitions.reduce((sum, p) => sum + p.rows, 0);
    await context.writeJsonArtifact(INSURANCE_ARTIFACTS.partitions, {
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
