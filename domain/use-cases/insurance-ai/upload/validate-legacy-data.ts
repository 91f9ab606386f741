import { EVIDENCE_ROWS, type FieldMapping } from '#domain/fields/index.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { PER_POLICY_STREAM_PASS_POLICY } from '../shared/step-policies.js';
import { INSURANCE_ARTIFACTS } from '../names.js';
import type { ExtractColumn } from '../shared/extract-columns.js';
import { openExtract, type ExtractBatch } from '../shared/extract-stream.js';
import { ViolationTally, extractRejection, type ExtractViolation } from '../shared/extract-violation.js';
import { fileShape } from '../shared/field-availability.js';
import { claimFieldsIgnored } from '../shared/fields.js';
import type { AmountConvention } from '../shared/legacy-amount.js';
import { ACCEPTED_DATE_FORMATS, TWO_DIGIT_YEAR_RULE } from '../shared/legacy-date.js';
import { mapExtract } from './mapped-extract.js';
import { PolicyConsistency, RecordNormalizer } from './normalize-records.js';
import type { ExtractLine } from '../shared/extract-stream.js';
const AMOUNT_CONVENTIONS: Record<AmountConvention, string> = {
  'decimal-point':
    'leading zeros, $ and thousands separators allowed; a trailing minus (COBOL sign) means negative; fixed-width fields declared :vN have N implied decimals',
  'decimal-comma': 'decimal commas (1.250,00 or 1250,00), as a semicolon-delimited export writes them; a trailing minus means negative',
};

/**
 * Checks a legacy policy/claim extract (CSV, or fixed-width with a `#layout` line: see
 * shared/fixed-width-layout.ts; dates: shared/legacy-date.ts; amounts: shared/legacy-amount.ts),
 * read by field (shared/fields.ts) whatever the file calls its columns, against date formats,
 * code lists and amount conventions, and writes the typed records the rest of the journey works
 * from. A file with any violation is rejected as a whole, with every violation listed:
 * half-loading an extract would skew every ratio after it. Optional fields the file lacks are not violations: the report says
 * what the journey leaves out without each.
 */
export const validateLegacyData: StepDefinition = {
  name: 'validate_legacy_data',
  description: 'Map the extract’s columns to insurance fields, validate them (CSV or fixed-width) and normalise dates, codes and amounts',
  policy: PER_POLICY_STREAM_PASS_POLICY,
  async run(context) {
    const extract = await openExtract((await context.streamInput()).chunks);
    // The mapping is resolved from the first lines (as many as the evidence uses), then the same read goes on.
    const head: ExtractBatch[] = [];
    for (let lines = 0; lines < EVIDENCE_ROWS;) {
      const next = await extract.batches.next();
      if (next.done) break;
      head.push(next.value);
      lines += next.value.lines.length;
    }
    const columns = [...(head.at(-1)?.columns ?? extract.shape.layout?.fields.map((f) => f.name) ?? [])].map((name) => name.trim());
    const { mapping, present, impliedDecimals, columnOf, byField, byFieldFrom } = await mapExtract(
      context,
      columns,
      head.flatMap((b) => b.lines.map(trimmedNames)),
      extract.shape.layout,
    );
    const shape = fileShape(present);
    const base = {
      format: extract.shape.format,
      shape,
      layout: extract.shape.layout?.fields ?? null,
      conventions: {
        dates: `${ACCEPTED_DATE_FORMATS}; ${TWO_DIGIT_YEAR_RULE}; all-zero dates are missing`,
        amounts: AMOUNT_CONVENTIONS[extract.shape.amounts],
      },
      columns: columnsReport(mapping),
    };

    const normalizer = new RecordNormalizer(extract.shape.amounts, context.journeyStartedAt.toISOString().slice(0, 10), present, impliedDecimals);
    const consistency = new PolicyConsistency();
    const tally = new ViolationTally();
    const counts = { lines: 0, records: 0, claims: 0 };
    const note = (violation: ExtractViolation) => tally.note(namingFileColumn(violation, columnOf));
    // Re-keyed from the file's names as written, once per set of columns (JSON records may add some as they go).
    let keyedBy: { columns: readonly string[]; read: (line: ExtractLine) => ExtractLine } | undefined;
    const fieldsOf = (columns: readonly string[]) => {
      if (keyedBy?.columns !== columns) keyedBy = { columns, read: byFieldFrom(columns) ?? ((line) => byField(trimmedNames(line))) };
      return keyedBy.read;
    };
    const recordsOf = (batch: ExtractBatch): string => {
      const fieldLine = fieldsOf(batch.columns);
      let ndjson = '';
      for (const item of inLineOrder(batch)) {
        counts.lines++;
        if ('code' in item) {
          note(item);
          continue;
        }
        const normalized = normalizer.normalize(fieldLine(item));
        if ('violations' in normalized) {
          normalized.violations.forEach(note);
          continue;
        }
        const conflicts = consistency.check(normalized.record);
        if (conflicts.length > 0) {
          conflicts.forEach(note);
          continue;
        }
        counts.records++;
        if (normalized.record.claim_id !== null) counts.claims++;
        if (tally.count === 0) ndjson += `${JSON.stringify(normalized.record)}\n`;
      }
      return ndjson;
    };
    const rejected = new Error('the extract has violations');
    // Records are written as they are validated; a violation anywhere aborts the write, so a rejected extract leaves no records behind.
    const records = async function* () {
      for (const batch of head) yield recordsOf(batch);
      for await (const batch of extract.batches) yield recordsOf(batch);
      if (tally.count > 0) throw rejected;
    };
    const report = () => ({
      lines: counts.lines,
      records: counts.records,
      policies: consistency.distinctPolicies,
      // Null rather than 0 for a policy register: it does not say the policies had no claims.
      claims: present.has('claim_id') ? counts.claims : null,
    });
    try {
      await context.writeArtifactStream({ name: INSURANCE_ARTIFACTS.normalizedRecords, chunks: records(), contentType: 'application/x-ndjson' });
    } catch (error) {
      if (error !== rejected) throw error;
      await writeReport(context, { ...base, status: 'rejected', ...report(), stats: normalizer.stats }, tally);
      throw extractRejection(tally);
    }
    const valid = report();
    await writeReport(context, { ...base, status: 'valid', ...valid, stats: normalizer.stats }, tally);
    return {
      summary: {
        format: extract.shape.format,
        shape,
        records: valid.records,
        policies: valid.policies,
        claims: valid.claims,
        dateFormats: Object.keys(normalizer.stats.dateFormats).join(', '),
        fieldsMapped: mapping.fields.map((f) => (f.column === f.field ? f.field : `${f.column}->${f.field}`)).join(', '),
        fieldsAbsent: mapping.absent.map((a) => a.field).join(', ') || null,
        violations: 0,
      },
    };
  },
};

/** Names as written but trimmed: the column mapping reports them, and the user declares mappings by them. */
function trimmedNames(line: ExtractLine): ExtractLine {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(line.values)) values[name.trim()] = value;
  return { line: line.line, values };
}

/** The batch's records and short lines merged back into file order, so violations are counted and listed by line. */
function* inLineOrder(batch: ExtractBatch): Generator<ExtractLine | ExtractViolation> {
  let s = 0;
  for (const line of batch.lines) {
    while (s < batch.shortLines.length && batch.shortLines[s]!.line < line.line) yield batch.shortLines[s++]!;
    yield line;
  }
  while (s < batch.shortLines.length) yield batch.shortLines[s++]!;
}

/** Which column became which field, which fields the file lacks and what the journey does without each. */
function columnsReport(mapping: FieldMapping) {
  return {
    fields: mapping.fields.map((f) => ({ field: f.field, column: f.column, rule: f.rule, because: f.because })),
    absent: mapping.absent.map((a) => ({ field: a.field, description: a.description, withoutIt: a.withoutIt })),
    notRead: claimFieldsIgnored(mapping).map((field) => ({ field, reason: 'the file has no claim ids, so its lines cannot be told apart as claims' })),
    unmapped: mapping.unmapped,
    ambiguities: mapping.ambiguities,
  };
}

/** Messages name fields; where the file calls the column otherwise, the user needs its name to find the cell. */
function namingFileColumn(violation: ExtractViolation, columnOf: ReadonlyMap<ExtractColumn, string>): ExtractViolation {
  const column = violation.column === undefined ? undefined : columnOf.get(violation.column as ExtractColumn);
  if (column === undefined || column === violation.column || !violation.message.startsWith(violation.column!)) return violation;
  return { ...violation, sourceColumn: column, message: `${violation.column} (column ${column})${violation.message.slice(violation.column!.length)}` };
}

async function writeReport(context: Parameters<StepDefinition['run']>[0], report: Record<string, unknown>, tally: ViolationTally): Promise<void> {
  const listed = tally.first();
  await context.writeJsonArtifact(INSURANCE_ARTIFACTS.validationReport, {
    ...report,
    violationCounts: tally.counts,
    violations: listed,
    violationsNotListed: tally.count - listed.length,
  });
}
