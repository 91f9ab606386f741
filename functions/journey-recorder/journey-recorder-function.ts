import { recordEvent } from '#domain/journeys/journey-record.js';
import { runningMarkerChange, runningMarkerKey } from '#domain/journeys/journey-deadline.js';
import { JOURNEY_RECORDER } from '#domain/routing/routing-table.js';
import type { FunctionPorts } from '#functions/shared/function-ports.js';
import { sqsEventFunction, type SqsEventHandler } from '#functions/shared/sqs-event-function.js';
import { withinAccess } from '#functions/shared/access-guard.js';

/**
 * Keeps every platform event in the artifact bucket; publishes nothing, so it cannot loop. The
 * write is write-once by event id, so a redelivery needs no idempotency claim. It also keeps a
 * marker per unfinished journey (journey-deadline.ts) for the sweeper; events may arrive out of
 * order, so a stale marker can remain, which the sweeper clears once it sees the journey ended.
 */
export function createJourneyRecorderFunction(allPorts: FunctionPorts): SqsEventHandler {
  const ports = withinAccess(JOURNEY_RECORDER, allPorts);
  return sqsEventFunction(
    JOURNEY_RECORDER,
    ports,
    async ({ envelope }) => {
      await recordEvent(envelope, { store: ports.store, bucket: ports.config.artifactBucket });
      const change = runningMarkerChange(envelope);
      if (change && 'put' in change)
        await ports.store.put(ports.config.artifactBucket, runningMarkerKey(change.put.journeyId), JSON.stringify(change.put), {
          contentType: 'application/json',
        });
      else if (change) await ports.store.delete(ports.config.artifactBucket, runningMarkerKey(change.remove));
    },
    { claim: false },
  );
}
