import { createHash } from 'node:crypto';
import type { ObjectRef } from '#events/platform-event.js';

function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}

/**
 * A journey's id is derived from the object version that triggered it, so a redelivered
 * `Object Created` names the same journey and the uploader can know the id before it starts.
 */
export function journeyIdForUpload(input: Pick<ObjectRef, 'bucket' | 'key' | 'versionId' | 'etag'>, sequencer = ''): string {
  return `j-${shortHash('upload', input.bucket, input.key, input.versionId ?? '', input.versionId ? '' : `${input.etag ?? ''}|${sequencer}`)}`;
}

export function journeyIdForFollowOn(parentJourneyId: string, journey: string): string {
  return `j-${shortHash('follow-on', parentJourneyId, journey)}`;
}

/** An as-new replay runs a journey again under a fresh id, the same one for every delivery of that replay. */
export function journeyIdForReplay(journeyId: string, replayName: string): string {
  return `j-${shortHash('replay', journeyId, replayName)}`;
}
