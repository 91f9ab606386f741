import { JourneyStarted } from '#events/journey-started.js';
import { isAsNewReplay, isJourneyTrigger } from '#events/replay-name.js';
import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { journeyIdOf } from './journey-of-event.js';
import { outcomeTrace } from './outcome-trace.js';
import { encodeBody, sha256Hex, type Recording } from './recording.js';
import { replayRecordingInFreshRuntime } from './fresh-replay.js';
import { diffTraces, formatDifferences, isTolerablyUnstable } from './trace-diff.js';

/** Why a journey cannot be recorded; `notFound` is an unknown journey id. */
export class RecordError extends Error {
  override readonly name = 'RecordError';
  constructor(
    message: string,
    readonly kind: 'notFound' | 'unusable',
  ) {
    super(message);
  }
}

export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024;

/**
 * Captures a finished journey as a recording: its trigger, the uploaded bytes and its outcome
 * trace. The recording is then verified by replaying it on a fresh runtime: trace paths that
 * differ only in digests, sizes or summary values (artifacts that embed wall-clock times) are
 * marked unstable; any other difference means the journey is not reproducible, and it is refused.
 */
export async function recordJourney(
  runtime: EmbeddedRuntime,
  journeyId: string,
  options: { name: string; description?: string; maxInputBytes?: number; onVerify?: () => void },
): Promise<Recording> {
  const view = runtime.journey(journeyId);
  if (!view) {
    const known = runtime.journeys().map((j) => j.journeyId);
    const similar = known.filter((id) => id.startsWith(journeyId.slice(0, 4))).slice(0, 5);
    throw new RecordError(
      `no journey ${journeyId}${similar.length ? `; similar: ${similar.join(', ')}` : known.length ? ` (${known.length} journeys known: symphainy journeys lists them)` : ' (no journeys yet)'}`,
      'notFound',
    );
  }
  if (view.status === 'running') throw new RecordError(`${journeyId} is still running; record it once it has ended`, 'unusable');
  const started = runtime.events(journeyId).find((e) => JourneyStarted.describes(e));
  const replayOf = started ? JourneyStarted.parseDetail(started).replayOf : undefined;
  if (replayOf) throw new RecordError(`${journeyId} was started by an as-new replay of ${replayOf}: record ${replayOf} instead`, 'unusable');

  // The original trigger, or else a replayed copy of it (a journey re-driven from a recording).
  const triggers = runtime
    .journalRecords()
    .flatMap((r) => (r.kind === 'event' && isJourneyTrigger(r.event) && !isAsNewReplay(r.event) && journeyIdOf(r.event) === journeyId ? [r] : []));
  const trigger = triggers.find((r) => !r.event['replay-name']) ?? triggers[0];
  if (!trigger) throw new RecordError(`the journal holds no trigger (Object Created or Journey Requested) for ${journeyId}`, 'unusable');
  const { 'replay-name': _replayName, ...triggerEvent } = trigger.event;
  if (!view.input) throw new RecordError(`${journeyId} names no input object`, 'unusable');

  const { bucket, key, versionId, etag } = view.input;
  const object = await runtime.store.get(bucket, key);
  if (!object) throw new RecordError(`s3://${bucket}/${key}, the input of ${journeyId}, is gone`, 'unusable');
  // The content's etag decides when the journey knew it (a restored copy has a new version id); else the version.
  const unquoted = (tag: string) => tag.replace(/"/g, '');
  const same = etag ? unquoted(etag) === unquoted(object.head.etag) : !versionId || !object.head.versionId || versionId === object.head.versionId;
  if (!same) throw new RecordError(`s3://${bucket}/${key} was overwritten after ${journeyId} ran: the bytes it read are lost`, 'unusable');
  const maxBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (object.body.byteLength > maxBytes) {
    throw new RecordError(
      `the input is ${object.body.byteLength} bytes; recordings embed it and stay small (at most ${maxBytes}; --max-input-bytes raises the limit)`,
      'unusable',
    );
  }

  const recording: Recording = {
    recording: 1,
    name: options.name,
    ...(options.description ? { description: options.description } : {}),
    journeyId,
    trigger: { bus: trigger.bus, event: triggerEvent },
    input: {
      bucket,
      key,
      ...(object.head.contentType ? { contentType: object.head.contentType } : {}),
      metadata: object.head.metadata,
      size: object.body.byteLength,
      sha256: sha256Hex(object.body),
      ...encodeBody(object.body),
    },
    trace: outcomeTrace(view, runtime.events(journeyId)),
    unstable: [],
  };

  options.onVerify?.();
  const again = await replayRecordingInFreshRuntime(recording, { registry: runtime.registry });
  const differences = diffTraces(recording.trace, again.trace);
  const intolerable = differences.filter((d) => !isTolerablyUnstable(d.path));
  if (intolerable.length)
    throw new RecordError(
      `${journeyId} does not replay to the same outcome, so it cannot be a golden recording:\n${formatDifferences(intolerable)}`,
      'unusable',
    );
  return { ...recording, unstable: differences.map((d) => d.path).sort() };
}
