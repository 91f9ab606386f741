import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { PreconditionFailedError, type ObjectHead, type ObjectStore, type PutOptions, type StreamOptions } from '#domain/ports/object-store.js';

const PART_BYTES = 8 * 1024 * 1024;

/** The object-store port over Amazon S3 (or an S3-compatible emulator). */
interface S3ObjectMetadata {
  ContentLength?: number;
  ETag?: string;
  VersionId?: string;
  ContentType?: string;
  LastModified?: Date;
  Metadata?: Record<string, string>;
}

function headOf(bucket: string, key: string, out: S3ObjectMetadata, fallbackSize = 0): ObjectHead {
  return {
    bucket,
    key,
    size: out.ContentLength ?? fallbackSize,
    etag: out.ETag ?? '',
    ...(out.VersionId ? { versionId: out.VersionId } : {}),
    ...(out.ContentType ? { contentType: out.ContentType } : {}),
    lastModified: (out.LastModified ?? new Date(0)).toISOString(),
    metadata: lowerCaseKeys(out.Metadata ?? {}),
  };
}

/** `bytes 100-199/2048` -> 2048. */
function totalSizeOf(contentRange: string | undefined): number | undefined {
  const total = contentRange?.match(/\/(\d+)$/)?.[1];
  return total === undefined ? undefined : Number(total);
}

export class S3ObjectStore implements ObjectStore {
  constructor(private readonly s3: S3Client) {}

  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    try {
      return headOf(bucket, key, await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async get(bucket: string, key: string) {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = await out.Body!.transformToByteArray();
      return { head: headOf(bucket, key, out, body.byteLength), body };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async stream(bucket: string, key: string, options: StreamOptions = {}) {
    const from = options.from ?? 0;
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(from > 0 ? { Range: `bytes=${from}-` } : {}) }));
      // A ranged answer's length is the range's; the object's size is the total its Content-Range gives.
      const head =
        from > 0 ? { ...headOf(bucket, key, out), size: totalSizeOf(out.ContentRange) ?? from + (out.ContentLength ?? 0) } : headOf(bucket, key, out);
      // In Node the SDK's body is a Readable, which is an async iterable of Buffers.
      return { head, chunks: out.Body as unknown as AsyncIterable<Uint8Array> };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      // A range starting at or past the end (416): the object is there, with nothing from `from` on.
      if (from > 0 && error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416) {
        const head = await this.head(bucket, key);
        return head && { head, chunks: (async function* () {})() };
      }
      throw error;
    }
  }

  async put(bucket: string, key: string, body: Uint8Array | string, options: PutOptions = {}) {
    try {
      const out = await this.s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          Metadata: options.metadata,
          IfNoneMatch: options.ifNoneMatch,
          IfMatch: options.ifMatch,
        }),
      );
      return { etag: out.ETag ?? '', ...(out.VersionId ? { versionId: out.VersionId } : {}) };
    } catch (error) {
      if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 412 || error.$metadata.httpStatusCode === 409)) {
        throw new PreconditionFailedError(bucket, key);
      }
      throw error;
    }
  }

  async putStream(bucket: string, key: string, chunks: AsyncIterable<Uint8Array>, options: PutOptions = {}) {
    let size = 0;
    const counted = Readable.from(
      (async function* () {
        for await (const chunk of chunks) {
          size += chunk.byteLength;
          yield chunk;
        }
      })(),
    );
    // Parts of 8 MiB, two in flight: a step's memory stays near 16 MiB whatever the object's size.
    // The conditions travel with the parameters to CompleteMultipartUpload (or the one PutObject
    // of a small body), so they are checked when the object appears, as for put.
    const upload = new Upload({
      client: this.s3,
      partSize: PART_BYTES,
      queueSize: 2,
      leavePartsOnError: false,
      params: {
        Bucket: bucket,
        Key: key,
        Body: counted,
        ContentType: options.contentType,
        Metadata: options.metadata,
        IfNoneMatch: options.ifNoneMatch,
        IfMatch: options.ifMatch,
      },
    });
    try {
      const out = await upload.done();
      return { etag: out.ETag ?? '', ...(out.VersionId ? { versionId: out.VersionId } : {}), size };
    } catch (error) {
      if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 412 || error.$metadata.httpStatusCode === 409)) {
        throw new PreconditionFailedError(bucket, key);
      }
      throw error;
    }
  }

  async list(bucket: string, prefix: string): Promise<ObjectHead[]> {
    const heads: ObjectHead[] = [];
    let token: string | undefined;
    do {
      const out = await this.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      for (const item of out.Contents ?? []) {
        heads.push({
          bucket,
          key: item.Key!,
          size: item.Size ?? 0,
          etag: item.ETag ?? '',
          lastModified: (item.LastModified ?? new Date(0)).toISOString(),
          metadata: {},
        });
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return heads;
  }

  async delete(bucket: string, key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);
}

function lowerCaseKeys(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k.toLowerCase(), v]));
}
