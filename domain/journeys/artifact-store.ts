import { createHash } from 'node:crypto';
import type { ArtifactRef } from '#events/platform-event.js';
import { PreconditionFailedError, type ObjectStore } from '#domain/ports/object-store.js';

export class ArtifactConflictError extends Error {
  override readonly name = 'ArtifactConflictError';
}

export function sha256Hex(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Writes an artifact once. A second write of the same bytes (a redelivered event) returns the
 * existing artifact; different bytes at the same key are a conflict, never an overwrite.
 */
export async function writeArtifactOnce(
  store: ObjectStore,
  spec: { bucket: string; key: string; name: string; step: string; body: Uint8Array | string; contentType: string },
): Promise<ArtifactRef> {
  const body = typeof spec.body === 'string' ? new TextEncoder().encode(spec.body) : spec.body;
  const sha256 = sha256Hex(body);
  const ref = (etag: string, versionId?: string): ArtifactRef => ({
    bucket: spec.bucket,
    key: spec.key,
    etag,
    ...(versionId ? { versionId } : {}),
    size: body.byteLength,
    name: spec.name,
    step: spec.step,
    contentType: spec.contentType,
    sha256,
  });
  try {
    const written = await store.put(spec.bucket, spec.key, body, {
      contentType: spec.contentType,
      metadata: { sha256 },
      ifNoneMatch: '*',
    });
    return ref(written.etag, written.versionId);
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    const existing = await store.head(spec.bucket, spec.key);
    if (existing?.metadata.sha256 === sha256) return ref(existing.etag, existing.versionId);
    throw new ArtifactConflictError(
      `s3://${spec.bucket}/${spec.key} already holds different content (sha256 ${existing?.metadata.sha256 ?? 'unknown'}, new ${sha256})`,
    );
  }
}
