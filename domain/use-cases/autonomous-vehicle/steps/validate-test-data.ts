import { declaredMapping, evidenceFromRows, FIELD_MAPPING_ARTIFACT, fieldColumn, mappingOrReject, resolveFields, type FieldMapping } from '#domain/fields/index.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { parseTable, rejectViolations } from '#domain/tabular/parse-table.js';
import { ARTIFACTS } from '../shared/artifact-names.js';
import { checkPlausibility } from '../telemetry/check-plausibility.js';
import { encodeNormalizedTelemetry } from '../telemetry/normalized-telemetry.js';
import { readTelemetryRows } from '../telemetry/read-telemetry-rows.js';
import { TELEMETRY_FIELDS, vehicleFromKey } from '../telemetry/telemetry-fields.js';
import type { TelemetryViolation } from '../telemetry/telemetry-checks.js';
import { telemetryRejection } from '../telemetry/telemetry-rejection.js';
import { buildValidationReport } from '../telemetry/validation-report.js';

export const validateTestData: StepDefinition = {
  name: 'validate_test_data',
  description: 'Maps the telemetry columns to fields, checks readable values, per-vehicle time order and physical plausibility',
  async run(context) {
    const table = parseTable(await context.readInput());
    rejectViolations(table);
    const declared = await declaredMapping(context);
    const mapping = mappingOrReject(resolveFields(TELEMETRY_FIELDS, evidenceFromRows(table.columns, table.rows), declared), TELEMETRY_FIELDS, table.columns);
    // Written before the row checks, so a rejected file still shows how its columns were read.
    await context.writeJsonArtifact(FIELD_MAPPING_ARTIFACT, mapping);

    const fileVehicle = vehicleFromKey(context.input.key);
    const read = readTelemetryRows(table, mapping, fileVehicle);
    const violations = [...read.violations, ...checkPlausibility(read.samples)];
    if (violations.length > 0) throw telemetryRejection(violations, unnamedVehiclesHint(mapping, fileVehicle, violations));

    const report = buildValidationReport(table, mapping, read.samples, read.timeOfDayDerived);
    await context.writeJsonArtifact(ARTIFACTS.validationReport, report);
    await context.writeArtifact({ name: ARTIFACTS.normalizedTelemetry, body: encodeNormalizedTelemetry(read.samples), contentType: 'application/json' });
    return {
      summary: {
        rows: report.rows,
        vehicles: report.vehicles,
        timeSpanSeconds: report.timeSpan.durationSeconds,
        timeOfDayDerived: read.timeOfDayDerived,
        fieldsAbsent: mapping.absent.map((a) => a.field).join(', ') || null,
      },
    };
  },
};

/** Repeated times in a file read as one vehicle usually mean several vehicles whose column was not recognised. */
function unnamedVehiclesHint(mapping: FieldMapping, fileVehicle: string, violations: readonly TelemetryViolation[]): string[] {
  if (fieldColumn(mapping, 'vehicle') || !violations.some((v) => v.check === 'timestamps_increasing')) return [];
  const columns = mapping.unmapped.length > 0 ? ` (unmapped columns: ${mapping.unmapped.join(', ')})` : '';
  return [`no column was recognised as the vehicle, so the file was read as one vehicle "${fileVehicle}"; if it holds several, name the column: --map vehicle=<column>${columns}`];
}
