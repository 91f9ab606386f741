import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3ServiceException,
  type GetObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { copyServerSide } from './s3-server-side-copy.js';
import { putResultOf, withTargetConditions } from './s3-write-results.js';
import type { ObjectHead, ObjectStore, PutOptions, StreamOptions } from '#domain/ports/object-store.js';

const PART_BYTES = 8 * 1024 * 1024;
/** A ranged read's GETs: each a bounded stretch, big enough that asking costs little beside reading. */
const RANGE_WINDOW_BYTES = 8 * 1024 * 1024;

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
  constructor(
    private readonly s3: S3Client,
    /** The size of a server-side copy's parts (COPY_PART_BYTES unless a test asks for smaller ones, 5 MiB at least). */
    private readonly settings: { copyPartBytes?: number } = {},
  ) {}

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
    if (options.from !== undefined) return this.streamInWindows(bucket, key, options.from);
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      // In Node the SDK's body is a Readable, which is an async iterable of Buffers.
      return { head: headOf(bucket, key, out), chunks: out.Body as unknown as AsyncIterable<Uint8Array> };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * A read from `from` on, as ranged GETs of a bounded window each, the next one asked for while
   * the current one is read. A shard reads a stretch of a large object and stops: a bounded range
   * costs the store only what is read, where an open-ended one may have it send (or, on an
   * emulator, hold in memory) the whole rest of the object. Every window after the first is read
   * only if the object is still the one the first came from.
   */
  private async streamInWindows(bucket: string, key: string, from: number) {
    const window = (start: number, end: number, etag?: string) =>
      this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}`, ...(etag ? { IfMatch: etag } : {}) }));
    let first: GetObjectCommandOutput;
    try {
      first = await window(from, from + RANGE_WINDOW_BYTES);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      // A range starting at or past the end (416): the object is there, with nothing from `from` on.
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416) {
        const head = await this.head(bucket, key);
        return head && { head, chunks: (async function* () {})() };
      }
      throw error;
    }
    // A ranged answer's length is the range's; the object's size is the total its Content-Range gives.
    const size = totalSizeOf(first.ContentRange) ?? from + (first.ContentLength ?? 0);
    const head = { ...headOf(bucket, key, first), size };
    async function* chunks(): AsyncGenerator<Uint8Array> {
      let body = first.Body as unknown as Readable;
      let next: Promise<GetObjectCommandOutput> | undefined;
      try {
        for (let start = from + RANGE_WINDOW_BYTES; ; start += RANGE_WINDOW_BYTES) {
          next = start < size ? window(start, Math.min(size, start + RANGE_WINDOW_BYTES), first.ETag) : undefined;
          // Settled here so a read given up early leaves no rejection unhandled; awaited below.
          next?.catch(() => undefined);
          for await (const chunk of body) yield chunk as Uint8Array;
          if (!next) return;
          body = (await next).Body as unknown as Readable;
          next = undefined;
        }
      } finally {
        body.destroy();
        void next?.then((out) => (out.Body as unknown as Readable).destroy()).catch(() => undefined);
      }
    }
    return { head, chunks: chunks() };
  }

  async put(bucket: string, key: string, body: Uint8Array | string, options: PutOptions = {}) {
    const out = await withTargetConditions(bucket, key, () =>
      this.s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          Metadata: options.metadata,
          IfNoneMatch: options.ifNoneMatch,
          IfMatch: options.ifMatch,
        }),
      ),
    );
    return putResultOf(out);
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
    const out = await withTargetConditions(bucket, key, () => upload.done());
    return { ...putResultOf(out), size };
  }

  async copy(source: { bucket: string; key: string }, bucket: string, key: string, options: PutOptions = {}) {
    const head = await this.head(source.bucket, source.key);
    return head && copyServerSide(this.s3, head, bucket, key, options, this.settings.copyPartBytes);
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
