import type { StepContext } from '#domain/journeys/step-definition.js';
import { AV_ARTIFACTS } from '../../names.js';
import { readNormalizedTelemetry } from './normalized-telemetry.js';
import type { TelemetrySample } from './telemetry-sample.js';

/** The typed samples validate_test_data left behind, in file order, as a stream of batches. */
export async function* streamNormalizedTelemetry(context: StepContext): AsyncGenerator<TelemetrySample[]> {
  yield* readNormalizedTelemetry(await context.streamArtifact(AV_ARTIFACTS.normalizedTelemetry));
}
