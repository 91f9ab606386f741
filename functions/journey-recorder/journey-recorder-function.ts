import { recordEvent } from '#domain/journeys/journey-record.js';
import { JOURNEY_RECORDER } from '#domain/routing/routing-table.js';
import type { FunctionPorts } from '#functions/shared/function-ports.js';
import { sqsEventFunction, type SqsEventHandler } from '#functions/shared/sqs-event-function.js';
import { withinAccess } from '#functions/shared/access-guard.js';

/**
 * Keeps every platform event in the artifact bucket; publishes nothing, so it cannot loop. The
 * write is write-once by event id, so a redelivery needs no idempotency claim.
 */
export function createJourneyRecorderFunction(allPorts: FunctionPorts): SqsEventHandler {
  const ports = withinAccess(JOURNEY_RECORDER, allPorts);
  return sqsEventFunction(
    JOURNEY_RECORDER,
    ports,
    async ({ envelope }) => {
      await recordEvent(envelope, { store: ports.store, bucket: ports.config.artifactBucket });
    },
    { claim: false },
  );
}
