import { isAsNewReplay } from '#events/replay-name.js';
import { journeyIdForReplay } from '#domain/journeys/journey-id.js';
import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { inputBytes, sha256Hex, type Recording } from './recording.js';

export class RecordingConflictError extends Error {
  override readonly name = 'RecordingConflictError';
}

/**
 * Puts a recording's uploaded file back where its trigger says it is, without a notification (the
 * recorded trigger is what starts the journey). A different file already at that key is never
 * overwritten: that is someone's data.
 */
export async function restoreRecordingInput(runtime: EmbeddedRuntime, recording: Recording): Promise<'restored' | 'present'> {
  const { bucket, key, contentType, metadata } = recording.input;
  if (bucket !== runtime.config.uploadBucket) {
    throw new RecordingConflictError(
      `recording ${recording.name} was made with upload bucket "${bucket}"; this runtime's upload bucket is "${runtime.config.uploadBucket}"`,
    );
  }
  const existing = await runtime.store.get(bucket, key);
  if (existing) {
    if (sha256Hex(existing.body) === recording.input.sha256) return 'present';
    throw new RecordingConflictError(
      `s3://${bucket}/${key} already holds a different file than recording ${recording.name}; replay it into a fresh --data-dir`,
    );
  }
  await runtime.restoreObject(bucket, key, inputBytes(recording), { ...(contentType ? { contentType } : {}), metadata });
  return 'restored';
}

/** The journey a replay of this recording drives: the recorded one, or for an as-new replay its fresh id. */
export function journeyIdOfRecordingReplay(recording: Recording, replayName: string): string {
  return isAsNewReplay({ 'replay-name': replayName }) ? journeyIdForReplay(recording.journeyId, replayName) : recording.journeyId;
}
