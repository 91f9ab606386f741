import { declaredMapping, FIELD_MAPPING_ARTIFACT } from '#domain/fields/index.js';
import { STREAM_PASS_POLICY } from '#domain/journeys/step-policy.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { AV_ARTIFACTS } from '../names.js';
import { vehicleFromKey } from '../shared/telemetry-fields.js';
import { telemetryPass } from './telemetry/telemetry-pass.js';

export const validateTestData: StepDefinition = {
  name: 'validate_test_data',
  policy: STREAM_PASS_POLICY,
  description: 'Maps the telemetry columns to fields, checks readable values, per-vehicle time order and physical plausibility',
  async run(context) {
    const declared = await declaredMapping(context);
    const { chunks } = await context.streamInput();
    const pass = telemetryPass(chunks, {
      declared,
      fileVehicle: vehicleFromKey(context.input.key),
      onMapping: async (mapping) => {
        await context.writeJsonArtifact(FIELD_MAPPING_ARTIFACT, mapping);
      },
    });
    try {
      await context.writeArtifactStream({ name: AV_ARTIFACTS.normalizedTelemetry, chunks: pass.normalized, contentType: 'application/json' });
    } catch (error) {
      // The rejection (or the reader's own error) is what the user needs to read, not the store's wrapping of it.
      throw pass.failure() ?? error;
    }
    const { mapping, report, conditions } = pass.result();
    await context.writeJsonArtifact(AV_ARTIFACTS.validationReport, report);
    await context.writeJsonArtifact(AV_ARTIFACTS.conditionTally, conditions);
    return {
      summary: {
        rows: report.rows,
        vehicles: report.vehicles,
        timeSpanSeconds: report.timeSpan.durationSeconds,
        timeOfDayDerived: report.timeOfDay.derivedFromTimestamp,
        fieldsAbsent: mapping.absent.map((a) => a.field).join(', ') || null,
      },
    };
  },
};
