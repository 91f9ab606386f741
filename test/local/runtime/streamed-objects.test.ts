import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PreconditionFailedError } from '#domain/ports/object-store.js';
import { FileObjectStore } from '#local/runtime/file-object-store.js';

/** 40 MiB of sensor readings, produced a megabyte at a time as a pipeline would hand them over. */
async function* readings(megabytes: number): AsyncGenerator<Uint8Array> {
  for (let m = 0; m < megabytes; m++) {
    const line = `2024-03-0${1 + (m % 9)}T00:00:00Z,pump-${m},${(m * 0.37).toFixed(2)}\n`;
    yield Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024));
  }
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { bytes, sha256: hash.digest('hex') };
}

describe('objects streamed into the embedded store', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'symphainy-streamed-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores a stream of any size whole, reads it back as a stream and keeps it across a reopen', async () => {
    const store = new FileObjectStore(root);
    const expected = await collect(readings(40));
    const put = await store.putStream('b', 'logs/pumps.csv', readings(40), { contentType: 'text/csv', metadata: { Team: 'facilities' } });
    expect(put.size).toBe(40 * 1024 * 1024);
    expect(await collect((await store.stream('b', 'logs/pumps.csv'))!.chunks)).toEqual(expected);
    store.close();

    const reopened = new FileObjectStore(root);
    expect(reopened.recoveries).toEqual([]);
    expect(await reopened.head('b', 'logs/pumps.csv')).toMatchObject({
      size: 40 * 1024 * 1024,
      contentType: 'text/csv',
      metadata: { team: 'facilities' },
      etag: put.etag,
    });
    expect(await collect((await reopened.stream('b', 'logs/pumps.csv'))!.chunks)).toEqual(expected);
    reopened.close();
  });

  it('refuses a conditional write that loses, and a stream that fails leaves nothing behind', async () => {
    const store = new FileObjectStore(root);
    await store.put('b', 'k', 'first');
    await expect(store.putStream('b', 'k', readings(2), { ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);

    async function* breaksOff(): AsyncGenerator<Uint8Array> {
      yield* readings(3);
      throw new Error('the network went away');
    }
    await expect(store.putStream('b', 'partial', breaksOff())).rejects.toThrow('the network went away');
    expect(await store.head('b', 'partial')).toBeUndefined();
    expect(readdirSync(join(root, 'blobs'))).toEqual([]);
    expect(new TextDecoder().decode((await store.get('b', 'k'))!.body)).toBe('first');
    store.close();
  });

  it('removes on open a streamed object a crash left unfinished, and reports it', async () => {
    const store = new FileObjectStore(root);
    await store.putStream('b', 'done', readings(1));
    store.close();
    writeFileSync(join(root, 'blobs', 'cut-short.blob'), 'half of a file');
    const reopened = new FileObjectStore(root);
    expect(reopened.recoveries).toEqual([expect.objectContaining({ file: 'blobs/cut-short.blob', action: expect.stringContaining('never finished') })]);
    expect(readdirSync(join(root, 'blobs'))).toHaveLength(1);
    expect((await reopened.head('b', 'done'))?.size).toBe(1024 * 1024);
    reopened.close();
  });

  it('lets go of a streamed object deleted, replaced or compacted away, and keeps the live one through a compaction', async () => {
    const store = new FileObjectStore(root);
    await store.putStream('b', 'replaced', readings(1));
    await store.putStream('b', 'replaced', readings(2));
    await store.putStream('b', 'deleted', readings(1));
    await store.delete('b', 'deleted');
    await store.putStream('b', 'dropped', readings(1));
    expect(readdirSync(join(root, 'blobs'))).toHaveLength(2);
    store.compact((head) => head.key === 'dropped');
    expect(readdirSync(join(root, 'blobs'))).toHaveLength(1);
    expect((await store.head('b', 'replaced'))?.size).toBe(2 * 1024 * 1024);
    store.close();
    const reopened = new FileObjectStore(root);
    expect(await collect((await reopened.stream('b', 'replaced'))!.chunks)).toEqual(await collect(readings(2)));
    expect(await reopened.head('b', 'deleted')).toBeUndefined();
    reopened.close();
  });
});
