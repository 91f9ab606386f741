import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { StepRejection } from '#domain/journeys/step-rejection.js';
import { EDA_ARTIFACTS, profileInput } from '#domain/reporting/eda/index.js';
import { REQUIRED_COLUMNS } from '../telemetry/telemetry-columns.js';
import { AV_EDA_ARTIFACTS, AV_EDA_STEPS } from './eda-names.js';
import { telemetryFieldNames } from './telemetry-fields.js';

/**
 * Profiles the telemetry as it streams and checks it is telemetry at all: without a vehicle,
 * a time, a speed, an acceleration and a position there is nothing to analyse. Bad values are
 * not refused here, unlike the upload journey: finding them is what identify_anomalies is for.
 */
export const loadTestData: StepDefinition = {
  name: AV_EDA_STEPS.load,
  description: 'Streams the telemetry through the profiler, stores profile.json and resolves the telemetry columns.',
  async run(context) {
    const profile = await profileInput(context);
    const header = profile.columns.map((c) => c.name);
    const { names, missing } = telemetryFieldNames(header);
    if (missing.length > 0) {
      throw new StepRejection('missing_columns', `the telemetry lacks ${missing.join(', ')}; it needs ${REQUIRED_COLUMNS.join(', ')}`, [`header: ${header.join(', ')}`]);
    }
    await context.writeJsonArtifact(EDA_ARTIFACTS.profile, profile);
    await context.writeJsonArtifact(AV_EDA_ARTIFACTS.columns, names);
    const vehicles = profile.columns.find((c) => c.name === names.vehicle_id);
    const time = profile.columns.find((c) => c.name === names.timestamp);
    return {
      summary: {
        rows: profile.rows,
        vehicles: vehicles?.distinct ?? 0,
        from: typeof time?.min === 'string' ? time.min : null,
        to: typeof time?.max === 'string' ? time.max : null,
        format: profile.format,
        compression: profile.compression,
      },
    };
  },
};
