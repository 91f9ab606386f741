import type { StepContext } from '#domain/journeys/step-definition.js';
import { ARTIFACTS } from '../shared/artifact-names.js';
import { decodeNormalizedTelemetry } from './normalized-telemetry.js';
import type { TelemetrySample } from './telemetry-sample.js';

/** The typed samples validate_test_data left behind, in file order. */
export async function loadNormalizedTelemetry(context: StepContext): Promise<TelemetrySample[]> {
  return decodeNormalizedTelemetry(await context.readArtifactJson(ARTIFACTS.normalizedTelemetry));
}
