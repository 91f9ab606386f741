/** What the domain needs of an object store (S3 in the cloud, files on disk when embedded). */
export interface ObjectHead {
  bucket: string;
  key: string;
  size: number;
  etag: string;
  versionId?: string;
  contentType?: string;
  lastModified: string;
  /** User metadata (`x-amz-meta-*`), keys lower-cased as S3 returns them. */
  metadata: Record<string, string>;
}

export interface PutOptions {
  contentType?: string;
  metadata?: Record<string, string>;
  /** Write only if no object exists at the key (S3 `If-None-Match: *`). */
  ifNoneMatch?: '*';
  /** Write only if the current object has this etag (S3 `If-Match`). */
  ifMatch?: string;
}

export interface StreamOptions {
  /**
   * The first byte to read. Given (0 included), the read is a ranged one, for a stretch of a large
   * object a reader may stop early in: a store fetches it a bounded window at a time.
   */
  from?: number;
}

export interface PutResult {
  etag: string;
  versionId?: string;
}

export interface ObjectStore {
  head(bucket: string, key: string): Promise<ObjectHead | undefined>;
  get(bucket: string, key: string): Promise<{ head: ObjectHead; body: Uint8Array } | undefined>;
  /**
   * The object's bytes as a stream of chunks, for inputs too large to hold in memory; with `from`,
   * its bytes from that offset to the end (an S3 ranged GET), for a shard of a large input.
   * An offset at or past the end gives no chunks.
   */
  stream(bucket: string, key: string, options?: StreamOptions): Promise<{ head: ObjectHead; chunks: AsyncIterable<Uint8Array> } | undefined>;
  /** Throws {@link PreconditionFailedError} when a conditional write loses. */
  put(bucket: string, key: string, body: Uint8Array | string, options?: PutOptions): Promise<PutResult>;
  /**
   * Stores a body of any size as it arrives, holding only a part of it at a time (a multipart
   * upload to S3, a file of its own when embedded). Nothing is at the key until the last byte is
   * in, and the conditions are checked then; a stream that fails leaves nothing behind.
   */
  putStream(bucket: string, key: string, chunks: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<PutResult & { size: number }>;
  /**
   * Copies an object to `bucket`/`key` without its bytes passing through this process (S3 copies
   * it on its side, the embedded store links the file), for an artifact as large as the upload
   * that a step files unchanged under another key. The copy carries the options' content type and
   * metadata, not the source's; the conditions are on the target, as for put. Undefined when the
   * source is not there.
   */
  copy(source: { bucket: string; key: string }, bucket: string, key: string, options?: PutOptions): Promise<(PutResult & { size: number }) | undefined>;
  list(bucket: string, prefix: string): Promise<ObjectHead[]>;
  delete(bucket: string, key: string): Promise<void>;
}

export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';
  constructor(
    readonly bucket: string,
    readonly key: string,
  ) {
    super(`conditional write to s3://${bucket}/${key} lost: the object changed or already exists`);
  }
}
