import type { StepContext } from '#domain/journeys/step-definition.js';
import type { LineOfBusiness } from '../shared/code-lists.js';
import type { FileFields } from '../shared/field-availability.js';
import type { InsuranceField } from '../shared/fields.js';
import { INSURANCE_ARTIFACTS } from '../names.js';
import { FeatureTally, type FeatureSummary } from './feature-readiness.js';
import type { InsuranceRecord } from './insurance-record.js';
import { ClaimFences } from './opportunities/fraud-review.js';
import { ColumnPiiTally, type ColumnPii } from './pii-detection.js';
import { recordBatches } from './record-stream.js';

/** Provenance we add ourselves; never PII, never a feature. */
const PROVENANCE_COLUMNS = new Set(['source_line']);

/**
 * What must be known of every record before a pass that depends on it can start: which columns
 * hold PII (masking needs it before the first masked row) and each line's claim-amount fence (a
 * claim is an outlier only against all claims of its line). process_data_lake gathers them in the
 * pass it makes anyway to write the lake and leaves them as an artifact, so enable_ai_operations
 * and identify_monetization each read the records once. Validation's pass would be the earliest
 * place, but measured there (a 30 MB extract) the journey ran 10% slower and peaked 73 MiB
 * higher: that pass already holds the per-policy consistency state.
 */
export interface RecordTallies {
  records: number;
  columns: { column: string; pii: ColumnPii; feature: FeatureSummary }[];
  claimFences: { lineOfBusiness: LineOfBusiness | null; fence: number }[];
}

export class RecordTally {
  private columns: string[] | undefined;
  private tallies: { pii: ColumnPiiTally; feature: FeatureTally }[] = [];
  private readonly fences = new ClaimFences();
  private records = 0;

  constructor(private readonly fields: FileFields) {}

  add(record: InsuranceRecord): void {
    const values = record as unknown as Record<string, unknown>;
    if (!this.columns) {
      // A field the file lacks is null on every record: scoring it would rank a column nobody sent.
      this.columns = Object.keys(values).filter((column) => !PROVENANCE_COLUMNS.has(column) && this.fields.has(column as InsuranceField));
      this.tallies = this.columns.map((column) => ({ pii: new ColumnPiiTally(column), feature: new FeatureTally() }));
    }
    this.records++;
    for (let c = 0; c < this.columns.length; c++) {
      const value = values[this.columns[c]!];
      this.tallies[c]!.pii.add(value);
      this.tallies[c]!.feature.add(value);
    }
    this.fences.add(record);
  }

  result(): RecordTallies {
    return {
      records: this.records,
      columns: (this.columns ?? []).map((column, c) => ({ column, pii: this.tallies[c]!.pii.result(), feature: this.tallies[c]!.feature.summary() })),
      claimFences: [...this.fences.fences()].map(([lineOfBusiness, fence]) => ({ lineOfBusiness, fence })),
    };
  }
}

/** One pass over the normalized records. */
export async function tallyRecords(context: Pick<StepContext, 'streamArtifact'>, fields: FileFields): Promise<RecordTallies> {
  const tally = new RecordTally(fields);
  for await (const records of recordBatches(context)) for (const record of records) tally.add(record);
  return tally.result();
}

/**
 * The tallies an earlier step left; a journey whose earlier steps ran before they were kept
 * (redriven or replayed across an upgrade) gets them from a pass of its own.
 */
export async function recordTallies(
  context: Pick<StepContext, 'findArtifact' | 'readArtifactJson' | 'streamArtifact'>,
  fields: FileFields,
): Promise<RecordTallies> {
  if (context.findArtifact(INSURANCE_ARTIFACTS.recordTallies)) return context.readArtifactJson<RecordTallies>(INSURANCE_ARTIFACTS.recordTallies);
  return tallyRecords(context, fields);
}

export function claimFencesOf(tallies: RecordTallies): Map<LineOfBusiness | null, number> {
  return new Map(tallies.claimFences.map((f) => [f.lineOfBusiness, f.fence]));
}
