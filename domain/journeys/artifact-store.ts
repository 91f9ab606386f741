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

/**
 * Writes an artifact once from a stream, of any size, hashing it on the way. S3 takes no metadata
 * after a multipart upload has begun, so a redelivered step's second write is told apart from a
 * conflicting one by hashing the object already there (a stream again), not by its metadata.
 */
export async function writeStreamedArtifactOnce(
  store: ObjectStore,
  spec: { bucket: string; key: string; name: string; step: string; chunks: AsyncIterable<Uint8Array>; contentType: string },
): Promise<ArtifactRef> {
  const hash = createHash('sha256');
  let size = 0;
  const hashed = (async function* () {
    for await (const chunk of spec.chunks) {
      hash.update(chunk);
      size += chunk.byteLength;
      yield chunk;
    }
  })();
  const ref = (etag: string, versionId: string | undefined, sha256: string): ArtifactRef => ({
    bucket: spec.bucket,
    key: spec.key,
    etag,
    ...(versionId ? { versionId } : {}),
    size,
    name: spec.name,
    step: spec.step,
    contentType: spec.contentType,
    sha256,
  });
  try {
    const written = await store.putStream(spec.bucket, spec.key, hashed, { contentType: spec.contentType, ifNoneMatch: '*' });
    return ref(written.etag, written.versionId, hash.digest('hex'));
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    // A store may refuse before taking a byte: the content is still ours to hash.
    for await (const chunk of hashed) void chunk;
    const sha256 = hash.digest('hex');
    const existing = await store.stream(spec.bucket, spec.key);
    const theirs = existing?.head.metadata.sha256 ?? (existing && (await sha256OfStream(existing.chunks)));
    if (existing && theirs === sha256) return ref(existing.head.etag, existing.head.versionId, sha256);
    throw new ArtifactConflictError(`s3://${spec.bucket}/${spec.key} already holds different content (sha256 ${theirs ?? 'unknown'}, new ${sha256})`);
  }
}

export async function sha256OfStream(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}
