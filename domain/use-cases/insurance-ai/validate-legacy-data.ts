import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { ARTIFACTS } from './artifact-names.js';
import { EXTRACT_COLUMNS } from './extract-columns.js';
import { MAX_LISTED_VIOLATIONS, countByCode, extractRejection, type ExtractViolation } from './extract-violation.js';
import { ACCEPTED_DATE_FORMATS, TWO_DIGIT_YEAR_RULE } from './legacy-date.js';
import { normalizeRecords } from './normalize-records.js';
import { readExtract } from './read-extract.js';

const AMOUNT_CONVENTION =
  'leading zeros, $ and thousands separators allowed; a trailing minus (COBOL sign) means negative; fixed-width fields declared :vN have N implied decimals';

/**
 * Checks a legacy policy/claim extract (CSV, or fixed-width with a `#layout` line: see
 * fixed-width-layout.ts; dates: legacy-date.ts; amounts: legacy-amount.ts) against the
 * expected columns, date formats, code lists and amount conventions, and writes the typed
 * records the rest of the journey works from. A file with any violation is rejected as a
 * whole, with every violation listed: half-loading an extract would skew every ratio after it.
 */
export const validateLegacyData: StepDefinition = {
  name: 'validate_legacy_data',
  description: 'Validate a legacy policy/claim extract (CSV or fixed-width) and normalise its dates, codes and amounts',
  async run(context) {
    const extract = readExtract(await context.readInput());
    const present = new Set(extract.columns);
    const missing = EXTRACT_COLUMNS.filter((column) => !present.has(column));
    const ignoredColumns = extract.columns.filter((column) => !(EXTRACT_COLUMNS as readonly string[]).includes(column));

    const base = {
      format: extract.format,
      layout: extract.layout?.fields ?? null,
      conventions: { dates: `${ACCEPTED_DATE_FORMATS}; ${TWO_DIGIT_YEAR_RULE}; all-zero dates are missing`, amounts: AMOUNT_CONVENTION },
      expectedColumns: EXTRACT_COLUMNS,
      ignoredColumns,
    };

    if (missing.length > 0) {
      const violation: ExtractViolation = {
        line: 1,
        code: 'missing_columns',
        message: `missing column(s) ${missing.join(', ')}; found ${extract.columns.join(', ')}`,
      };
      await writeReport(context, { ...base, status: 'rejected', lines: extract.lines.length, violations: [violation] });
      throw extractRejection([violation]);
    }

    const { records, violations, stats } = normalizeRecords(extract, context.journeyStartedAt.toISOString().slice(0, 10));
    const counts = {
      lines: extract.lines.length + extract.shortLines.length,
      records: records.length,
      policies: new Set(records.map((r) => r.policy_number)).size,
      claims: records.filter((r) => r.claim_id !== null).length,
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
        records: counts.records,
        policies: counts.policies,
        claims: counts.claims,
        dateFormats: Object.keys(stats.dateFormats).join(', '),
        violations: 0,
      },
    };
  },
};

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
