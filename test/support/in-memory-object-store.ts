import { createHash } from 'node:crypto';
import { PreconditionFailedError, type ObjectHead, type ObjectStore, type PutOptions, type StreamOptions } from '#domain/ports/object-store.js';

/** An object store in memory, for unit tests of steps and managers (pure logic only). */
export class InMemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, { head: ObjectHead; body: Uint8Array }>();
  private version = 0;

  async head(bucket: string, key: string) {
    return this.objects.get(`${bucket}/${key}`)?.head;
  }

  async get(bucket: string, key: string) {
    return this.objects.get(`${bucket}/${key}`);
  }

  async stream(bucket: string, key: string, options: StreamOptions & { chunkSize?: number } = {}) {
    const object = this.objects.get(`${bucket}/${key}`);
    if (!object) return undefined;
    const chunkSize = options.chunkSize ?? 64 * 1024;
    const chunks = async function* () {
      for (let at = options.from ?? 0; at < object.body.byteLength; at += chunkSize) yield object.body.subarray(at, at + chunkSize);
    };
    return { head: object.head, chunks: chunks() };
  }

  async put(bucket: string, key: string, body: Uint8Array | string, options: PutOptions = {}) {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const existing = this.objects.get(`${bucket}/${key}`);
    if (options.ifNoneMatch === '*' && existing) throw new PreconditionFailedError(bucket, key);
    if (options.ifMatch && existing?.head.etag !== options.ifMatch) throw new PreconditionFailedError(bucket, key);
    const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
    const versionId = `v${++this.version}`;
    this.objects.set(`${bucket}/${key}`, {
      body: bytes,
      head: {
        bucket,
        key,
        size: bytes.byteLength,
        etag,
        versionId,
        ...(options.contentType ? { contentType: options.contentType } : {}),
        lastModified: new Date(0).toISOString(),
        metadata: Object.fromEntries(Object.entries(options.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      },
    });
    return { etag, versionId };
  }

  async putStream(bucket: string, key: string, chunks: AsyncIterable<Uint8Array>, options: PutOptions = {}) {
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks) parts.push(chunk.slice());
    const body = Buffer.concat(parts);
    return { ...(await this.put(bucket, key, body, options)), size: body.byteLength };
  }

  async copy(source: { bucket: string; key: string }, bucket: string, key: string, options: PutOptions = {}) {
    const object = this.objects.get(`${source.bucket}/${source.key}`);
    if (!object) return undefined;
    return { ...(await this.put(bucket, key, object.body, options)), size: object.body.byteLength };
  }

  async list(bucket: string, prefix: string) {
    return [...this.objects.values()].map((o) => o.head).filter((h) => h.bucket === bucket && h.key.startsWith(prefix));
  }

  async delete(bucket: string, key: string) {
    this.objects.delete(`${bucket}/${key}`);
  }

  text(bucket: string, key: string): string | undefined {
    const object = this.objects.get(`${bucket}/${key}`);
    return object ? new TextDecoder().decode(object.body) : undefined;
  }
}
