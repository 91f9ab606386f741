import { S3ServiceException } from '@aws-sdk/client-s3';
import { PreconditionFailedError, type PutResult } from '#domain/ports/object-store.js';

/** A write whose conditions on the target lost (412, or 409 for a concurrent one) throws PreconditionFailedError. */
export async function withTargetConditions<T>(bucket: string, key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 412 || error.$metadata.httpStatusCode === 409)) {
      throw new PreconditionFailedError(bucket, key);
    }
    throw error;
  }
}

/** What every S3 write answers with (PutObject, CompleteMultipartUpload, an Upload), as the port gives it. */
export function putResultOf(out: { ETag?: string | undefined; VersionId?: string | undefined }): PutResult {
  return { etag: out.ETag ?? '', ...(out.VersionId ? { versionId: out.VersionId } : {}) };
}
