import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { StepRejection } from '#domain/journeys/step-rejection.js';
import { parseTable, rejectViolations, type ParsedTable } from '#domain/tabular/parse-table.js';
import { ARTIFACTS } from '../shared/artifact-names.js';
import { checkPlausibility } from '../telemetry/check-plausibility.js';
import { encodeNormalizedTelemetry } from '../telemetry/normalized-telemetry.js';
import { readTelemetryRows } from '../telemetry/read-telemetry-rows.js';
import { resolveColumns, type ResolvedColumns } from '../telemetry/resolve-columns.js';
import { telemetryRejection } from '../telemetry/telemetry-rejection.js';
import { buildValidationReport } from '../telemetry/validation-report.js';

export const validateTestData: StepDefinition = {
  name: 'validate_test_data',
  description: 'Checks vehicle telemetry for required columns, readable values, per-vehicle time order and physical plausibility',
  async run(context) {
    const table = parseTable(await context.readInput());
    rejectViolations(table);
    const columns = resolveColumns(table.columns);
    rejectMissingColumns(table, columns);

    const read = readTelemetryRows(table, columns);
    const violations = [...read.violations, ...checkPlausibility(read.samples)];
    if (violations.length > 0) throw telemetryRejection(violations);

    const report = buildValidationReport(table, columns, read.samples, read.timeOfDayDerived);
    await context.writeJsonArtifact(ARTIFACTS.validationReport, report);
    await context.writeArtifact({ name: ARTIFACTS.normalizedTelemetry, body: encodeNormalizedTelemetry(read.samples), contentType: 'application/json' });
    return {
      summary: {
        rows: report.rows,
        vehicles: report.vehicles,
        timeSpanSeconds: report.timeSpan.durationSeconds,
        timeOfDayDerived: read.timeOfDayDerived,
      },
    };
  },
};

function rejectMissingColumns(table: ParsedTable, columns: ResolvedColumns): void {
  if (columns.missing.length === 0) return;
  const delimited = table.format === 'csv' || table.format === 'tsv';
  // JSON has no header line; the first record is where the field should have been.
  const line = delimited ? Math.max(1, (table.rowLines[0] ?? 2) - 1) : (table.rowLines[0] ?? 1);
  const found = table.columns.length > 0 ? table.columns.join(', ') : 'none';
  throw new StepRejection(
    'missing_columns',
    `the telemetry lacks required column(s) ${columns.missing.join(', ')} (found: ${found})`,
    columns.missing.map((name) => `line ${line}: required column "${name}" is missing`),
  );
}
