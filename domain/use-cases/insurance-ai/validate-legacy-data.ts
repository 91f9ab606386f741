import type { FieldMapping } from '#domain/fields/index.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { ARTIFACTS } from './artifact-names.js';
import type { ExtractColumn } from './extract-columns.js';
import { MAX_LISTED_VIOLATIONS, countByCode, extractRejection, type ExtractViolation } from './extract-violation.js';
import { fileShape } from './field-availability.js';
import { claimFieldsIgnored } from './fields.js';
import type { AmountConvention } from './legacy-amount.js';
import { ACCEPTED_DATE_FORMATS, TWO_DIGIT_YEAR_RULE } from './legacy-date.js';
import { mapExtract } from './mapped-extract.js';
import { normalizeRecords } from './normalize-records.js';
import { readExtract } from './read-extract.js';

const AMOUNT_CONVENTIONS: Record<AmountConvention, string> = {
  'decimal-point':
    'leading zeros, $ and thousands separators allowed; a trailing minus (COBOL sign) means negative; fixed-width fields declared :vN have N implied decimals',
  'decimal-comma': 'decimal commas (1.250,00 or 1250,00), as a semicolon-delimited export writes them; a trailing minus means negative',
};

/**
 * Checks a legacy policy/claim extract (CSV, or fixed-width with a `#layout` line: see
 * fixed-width-layout.ts; dates: legacy-date.ts; amounts: legacy-amount.ts), read by field
 * (fields.ts) whatever the file calls its columns, against date formats, code lists and amount
 * conventions, and writes the typed records the rest of the journey works from. A file with any
 * violation is rejected as a whole, with every violation listed: half-loading an extract would
 * skew every ratio after it. Optional fields the file lacks are not violations: the report says
 * what the journey leaves out without each.
 */
export const validateLegacyData: StepDefinition = {
  name: 'validate_legacy_data',
  description: 'Map the extract’s columns to insurance fields, validate them (CSV or fixed-width) and normalise dates, codes and amounts',
  async run(context) {
    const raw = readExtract(await context.readInput());
    const { mapping, extract, present, impliedDecimals, columnOf } = await mapExtract(context, raw);
    const shape = fileShape(present);
    const base = {
      format: extract.format,
      shape,
      layout: extract.layout?.fields ?? null,
      conventions: { dates: `${ACCEPTED_DATE_FORMATS}; ${TWO_DIGIT_YEAR_RULE}; all-zero dates are missing`, amounts: AMOUNT_CONVENTIONS[extract.amounts] },
      columns: columnsReport(mapping),
    };

    const normalized = normalizeRecords(extract, context.journeyStartedAt.toISOString().slice(0, 10), present, impliedDecimals);
    const { records, stats } = normalized;
    const violations = normalized.violations.map((v) => namingFileColumn(v, columnOf));
    const counts = {
      lines: extract.lines.length + extract.shortLines.length,
      records: records.length,
      policies: new Set(records.map((r) => r.policy_number)).size,
      // Null rather than 0 for a policy register: it does not say the policies had no claims.
      claims: present.has('claim_id') ? records.filter((r) => r.claim_id !== null).length : null,
    };
    if (violations.length > 0) {
      await writeReport(context, { ...base, status: 'rejected', ...counts, stats, violations });
      throw extractRejection(violations);
    }
    await writeReport(context, { ...base, status: 'valid', ...counts, stats, violations: [] });
    await context.writeJsonArtifact(ARTIFACTS.normalizedRecords, records);
    return {
      summary: {
        format: extract.format,
        shape,
        records: counts.records,
        policies: counts.policies,
        claims: counts.claims,
        dateFormats: Object.keys(stats.dateFormats).join(', '),
        fieldsMapped: mapping.fields.map((f) => (f.column === f.field ? f.field : `${f.column}->${f.field}`)).join(', '),
        fieldsAbsent: mapping.absent.map((a) => a.field).join(', ') || null,
        violations: 0,
      },
    };
  },
};

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

async function writeReport(
  context: Parameters<StepDefinition['run']>[0],
  report: Record<string, unknown> & { violations: readonly ExtractViolation[] },
): Promise<void> {
  const sorted = [...report.violations].sort((a, b) => a.line - b.line);
  await context.writeJsonArtifact(ARTIFACTS.validationReport, {
    ...report,
    violationCounts: countByCode(sorted),
    violations: sorted.slice(0, MAX_LISTED_VIOLATIONS),
    violationsNotListed: Math.max(0, sorted.length - MAX_LISTED_VIOLATIONS),
  });
}
