import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3ServiceException,
  UploadPartCopyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectHead, PutOptions, PutResult } from '#domain/ports/object-store.js';
import { putResultOf, withTargetConditions } from './s3-write-results.js';

/** S3 copies at most 5 GiB in one part and takes at most 10,000 parts. */
export const COPY_PART_BYTES = 512 * 1024 * 1024;
const MAX_PARTS = 10_000;
/** Parts S3 copies side by side: the function only waits, so this bounds requests, not memory. */
const PARTS_IN_FLIGHT = 4;

export class SourceChangedError extends Error {
  override readonly name = 'SourceChangedError';
}

/**
 * Copies an object inside S3 as a multipart copy (UploadPartCopy), whatever its size: no byte
 * passes through the function. One path for every size, because CopyObject stops at 5 GiB, and
 * because the target's conditions are checked at CompleteMultipartUpload, as putStream's are (the
 * emulator we test against ignores If-None-Match on CopyObject, and honours it there). Every part
 * is copied only from the object `source` describes, so a source replaced mid-way fails the copy
 * instead of splicing two objects.
 */
export async function copyServerSide(
  s3: S3Client,
  source: ObjectHead,
  bucket: string,
  key: string,
  options: PutOptions,
  copyPartBytes = COPY_PART_BYTES,
): Promise<PutResult & { size: number }> {
  const { size } = source;
  const conditions = { IfNoneMatch: options.ifNoneMatch, IfMatch: options.ifMatch };
  const written = { ContentType: options.contentType, Metadata: options.metadata };
  if (size === 0) {
    // An empty object has no range to copy a part from.
    const out = await withTargetConditions(bucket, key, () => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '', ...written, ...conditions })));
    return { ...putResultOf(out), size };
  }

  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ...written }));
  try {
    const partBytes = Math.max(copyPartBytes, Math.ceil(size / MAX_PARTS));
    const ranges = Array.from({ length: Math.ceil(size / partBytes) }, (_, i) => ({
      part: i + 1,
      first: i * partBytes,
      last: Math.min(size, (i + 1) * partBytes) - 1,
    }));
    const etags: string[] = [];
    const copyPart = async ({ part, first, last }: (typeof ranges)[number]) => {
      try {
        const out = await s3.send(
          new UploadPartCopyCommand({
            Bucket: bucket,
            Key: key,
            UploadId,
            PartNumber: part,
            CopySource: copySourceOf(source),
            CopySourceRange: `bytes=${first}-${last}`,
            CopySourceIfMatch: source.etag,
          }),
        );
        etags[part - 1] = out.CopyPartResult?.ETag ?? '';
      } catch (error) {
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 412) {
          throw new SourceChangedError(`s3://${source.bucket}/${source.key} changed while it was being copied to s3://${bucket}/${key}`);
        }
        throw error;
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(PARTS_IN_FLIGHT, ranges.length) }, async () => {
        while (next < ranges.length) await copyPart(ranges[next++]!);
      }),
    );
    const out = await withTargetConditions(bucket, key, () =>
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId,
          MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
          ...conditions,
        }),
      ),
    );
    return { ...putResultOf(out), size };
  } catch (error) {
    // The parts would otherwise be stored, and billed, until a lifecycle rule removed them.
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId })).catch(() => undefined);
    throw error;
  }
}

/** `bucket/key` with the key URL-encoded, as x-amz-copy-source must be; its slashes stay as they are. */
function copySourceOf(source: { bucket: string; key: string }): string {
  return `${source.bucket}/${source.key.split('/').map(encodeURIComponent).join('/')}`;
}
