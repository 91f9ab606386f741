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
  try {
    const written = await store.putStream(spec.bucket, spec.key, hashed, { contentType: spec.contentType, ifNoneMatch: '*' });
    return artifactRef(spec, written, size, hash.digest('hex'));
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    // A store may refuse before taking a byte: the content is still ours to hash.
    for await (const chunk of hashed) void chunk;
    const sha256 = hash.digest('hex');
    return artifactRef(spec, await existingWithSameContent(store, spec, sha256), size, sha256);
  }
}

/**
 * Files an earlier artifact unchanged under another key, write-once, without reading it: the
 * store copies it (copy), and its SHA-256 is the one recorded when it was written. The copy
 * carries that SHA-256 as metadata, so a redelivered step's second copy is recognised from the
 * head alone.
 */
export async function copyArtifactOnce(
  store: ObjectStore,
  spec: { from: ArtifactRef; bucket: string; key: string; name: string; step: string; contentType: string },
): Promise<ArtifactRef> {
  const { sha256, size } = spec.from;
  try {
    const copied = await store.copy(spec.from, spec.bucket, spec.key, { contentType: spec.contentType, metadata: { sha256 }, ifNoneMatch: '*' });
    if (!copied) throw new Error(`artifact "${spec.from.name}" is missing from s3://${spec.from.bucket}/${spec.from.key}`);
    return artifactRef(spec, copied, size, sha256);
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    return artifactRef(spec, await existingWithSameContent(store, spec, sha256), size, sha256);
  }
}

function artifactRef(
  spec: { bucket: string; key: string; name: string; step: string; contentType: string },
  stored: { etag: string; versionId?: string },
  size: number,
  sha256: string,
): ArtifactRef {
  const { bucket, key, name, step, contentType } = spec;
  return { bucket, key, etag: stored.etag, ...(stored.versionId ? { versionId: stored.versionId } : {}), size, name, step, contentType, sha256 };
}

/** The object a write-once write lost to, when it holds the same content; a conflict otherwise. */
async function existingWithSameContent(store: ObjectStore, at: { bucket: string; key: string }, sha256: string): Promise<{ etag: string; versionId?: string }> {
  const head = await store.head(at.bucket, at.key);
  const opened = head && !head.metadata.sha256 ? await store.stream(at.bucket, at.key) : undefined;
  const theirs = head?.metadata.sha256 ?? (opened && (await sha256OfStream(opened.chunks)));
  if (head && theirs === sha256) return { etag: head.etag, ...(head.versionId ? { versionId: head.versionId } : {}) };
  throw new ArtifactConflictError(`s3://${at.bucket}/${at.key} already holds different content (sha256 ${theirs ?? 'unknown'}, new ${sha256})`);
}

export async function sha256OfStream(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}
