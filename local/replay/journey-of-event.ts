import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { decodeS3EventKey, S3ObjectCreated } from '#events/s3-object-created.js';
import { journeyIdForUpload } from '#domain/journeys/journey-id.js';
import { UPLOAD_PREFIX } from '#domain/uploads/upload-key.js';

/**
 * The journey an event belongs to. Platform events name it; an upload's `Object Created` does
 * not, but the journey id is derived from the object version, exactly as the experience manager
 * derives it, so a replayed trigger and the journey it started are found together.
 */
export function journeyIdOf(event: EventBridgeEnvelope): string | undefined {
  const named = (event.detail as { journeyId?: unknown } | null)?.journeyId;
  if (typeof named === 'string') return named;
  if (!S3ObjectCreated.describes(event)) return undefined;
  const parsed = S3ObjectCreated.detail.safeParse(event.detail);
  if (!parsed.success) return undefined;
  const { bucket, object } = parsed.data;
  return journeyIdForUpload(
    {
      bucket: bucket.name,
      key: decodeS3EventKey(object.key),
      ...(object['version-id'] ? { versionId: object['version-id'] } : {}),
      ...(object.etag ? { etag: object.etag } : {}),
    },
    object.sequencer,
  );
}

/** The use case an event is about: named by platform events, read from the key prefix of an upload. */
export function useCaseOf(event: EventBridgeEnvelope): string | undefined {
  const named = (event.detail as { useCase?: unknown } | null)?.useCase;
  if (typeof named === 'string') return named;
  if (!S3ObjectCreated.describes(event)) return undefined;
  const parsed = S3ObjectCreated.detail.safeParse(event.detail);
  if (!parsed.success) return undefined;
  const key = decodeS3EventKey(parsed.data.object.key);
  const segments = key.startsWith(UPLOAD_PREFIX) ? key.slice(UPLOAD_PREFIX.length).split('/') : [];
  return segments.length > 1 ? segments[0] : undefined;
}

/** `step validate_file` for step events, empty otherwise: for listings. */
export function stepOf(event: EventBridgeEnvelope): string | undefined {
  const step = (event.detail as { step?: unknown } | null)?.step;
  return typeof step === 'string' ? step : undefined;
}
