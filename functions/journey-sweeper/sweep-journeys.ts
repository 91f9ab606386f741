import { deadlineFailure, journeyDeadlineSeconds, RUNNING_PREFIX, type RunningMarker } from '#domain/journeys/journey-deadline.js';
import { readRecordedEvents } from '#domain/journeys/journey-record.js';
import { foldJourney } from '#domain/journeys/journey-state.js';
import type { FunctionPorts } from '#functions/shared/function-ports.js';

export interface SweepResult {
  /** Unfinished journeys looked at. */
  running: number;
  /** Journeys failed with journey_deadline_exceeded. */
  failed: string[];
  /** Markers of journeys that had ended after all (their end was recorded before their start). */
  cleared: string[];
}

const decoder = new TextDecoder();

/**
 * Fails every journey that stopped moving past its deadline, so none is left `running` by a lost
 * message. Only overdue journeys are read whole; the rest cost one small object each.
 */
export async function sweepOverdueJourneys(
  ports: Pick<FunctionPorts, 'store' | 'publisher' | 'clock' | 'config' | 'registry' | 'logger'>,
): Promise<SweepResult> {
  const bucket = ports.config.artifactBucket;
  const now = ports.clock.now();
  const result: SweepResult = { running: 0, failed: [], cleared: [] };
  for (const head of await ports.store.list(bucket, RUNNING_PREFIX)) {
    const object = await ports.store.get(bucket, head.key);
    if (!object) continue;
    result.running++;
    const marker = JSON.parse(decoder.decode(object.body)) as RunningMarker;
    const deadline = journeyDeadlineSeconds(ports.registry, marker.useCase, marker.journey);
    if (now.getTime() - Date.parse(marker.since) < deadline * 1000) continue;
    const events = await readRecordedEvents(ports.store, bucket, marker.journeyId);
    const view = foldJourney(marker.journeyId, events);
    if (!view || view.status !== 'running') {
      await ports.store.delete(bucket, head.key);
      result.cleared.push(marker.journeyId);
      continue;
    }
    const failure = deadlineFailure(view, events, marker, now, deadline);
    if (!failure) continue;
    await ports.publisher.publish([failure]);
    ports.logger.warn('journey failed past its deadline', { journeyId: marker.journeyId, deadlineSeconds: deadline, since: marker.since });
    result.failed.push(marker.journeyId);
  }
  return result;
}
