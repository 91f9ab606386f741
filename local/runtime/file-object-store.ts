import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PreconditionFailedError, type ObjectHead, type ObjectStore, type PutOptions } from '#domain/ports/object-store.js';

export type ObjectCreatedListener = (head: ObjectHead, sequencer: string) => void;

/**
 * A file-backed object store with the S3 semantics the platform relies on: put (with
 * If-None-Match / If-Match), get, head, list, delete, versions ids, and `Object Created`
 * notifications for buckets that have them on, as S3 sends them to EventBridge.
 *
 * File operations are synchronous on purpose: within the one process that owns the data
 * directory, a conditional write's check-then-write cannot interleave with another write.
 */
export class FileObjectStore implements ObjectStore {
  private sequence = 0;

  constructor(
    private readonly root: string,
    private readonly notifying: ReadonlyMap<string, ObjectCreatedListener> = new Map(),
  ) {
    mkdirSync(root, { recursive: true });
  }

  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    return this.readHead(bucket, key);
  }

  async get(bucket: string, key: string) {
    const head = this.readHead(bucket, key);
    if (!head) return undefined;
    try {
      return { head, body: new Uint8Array(readFileSync(this.dataPath(bucket, key))) };
    } catch {
      return undefined;
    }
  }

  async put(bucket: string, key: string, body: Uint8Array | string, options: PutOptions = {}) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const current = this.readHead(bucket, key);
    if (options.ifNoneMatch === '*' && current) throw new PreconditionFailedError(bucket, key);
    if (options.ifMatch !== undefined && current?.etag !== options.ifMatch) throw new PreconditionFailedError(bucket, key);
    mkdirSync(this.bucketDir(bucket), { recursive: true });
    const head: ObjectHead = {
      bucket,
      key,
      size: bytes.byteLength,
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      versionId: `${Date.now().toString(36)}.${randomBytes(6).toString('hex')}`,
      ...(options.contentType ? { contentType: options.contentType } : {}),
      lastModified: new Date().toISOString(),
      metadata: Object.fromEntries(Object.entries(options.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    };
    // Data first, then the head: a reader that finds the head always finds its data.
    const temp = `${this.dataPath(bucket, key)}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, this.dataPath(bucket, key));
    writeFileSync(`${this.headPath(bucket, key)}.tmp`, JSON.stringify(head));
    renameSync(`${this.headPath(bucket, key)}.tmp`, this.headPath(bucket, key));
    const listener = this.notifying.get(bucket);
    if (listener) listener(head, (++this.sequence).toString(16).toUpperCase().padStart(18, '0'));
    return { etag: head.etag, ...(head.versionId ? { versionId: head.versionId } : {}) };
  }

  async list(bucket: string, prefix: string): Promise<ObjectHead[]> {
    if (!existsSync(this.bucketDir(bucket))) return [];
    return readdirSync(this.bucketDir(bucket))
      .filter((name) => name.endsWith('.head'))
      .map((name) => JSON.parse(readFileSync(join(this.bucketDir(bucket), name), 'utf8')) as ObjectHead)
      .filter((head) => head.key.startsWith(prefix))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(bucket: string, key: string): Promise<void> {
    rmSync(this.headPath(bucket, key), { force: true });
    rmSync(this.dataPath(bucket, key), { force: true });
  }

  /** Where an object's bytes live, for people who want to open an artifact. */
  dataPath(bucket: string, key: string): string {
    return join(this.bucketDir(bucket), `${fileNameFor(key)}.data`);
  }

  private readHead(bucket: string, key: string): ObjectHead | undefined {
    try {
      return JSON.parse(readFileSync(this.headPath(bucket, key), 'utf8')) as ObjectHead;
    } catch {
      return undefined;
    }
  }

  private headPath(bucket: string, key: string): string {
    return join(this.bucketDir(bucket), `${fileNameFor(key)}.head`);
  }

  private bucketDir(bucket: string): string {
    return join(this.root, bucket);
  }
}

/** Keys may hold any character and be long; file names may not. */
function fileNameFor(key: string): string {
  const readable = key.replace(/[^A-Za-z0-9._-]/g, '_').slice(-80);
  return `${readable}.${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}
