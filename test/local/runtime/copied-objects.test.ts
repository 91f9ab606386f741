import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PreconditionFailedError } from '#domain/ports/object-store.js';
import { FileObjectStore } from '#local/runtime/file-object-store.js';

/** 24 MiB of a warehouse's stock movements as NDJSON, handed over a megabyte at a time. */
async function* movements(megabytes: number): AsyncGenerator<Uint8Array> {
  for (let m = 0; m < megabytes; m++) {
    const line = `{"sku":"AX-${m}","bin":"R${m % 40}-S${m % 7}","qty":${(m * 13) % 500},"moved_at":"2025-11-0${1 + (m % 9)}T06:15:00Z"}\n`;
    yield Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024));
  }
}

async function sha256Of(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

describe('objects copied inside the embedded store', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'symphainy-copied-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies a streamed object whole, with the metadata asked for, and the copy outlives its source, a reopen and a compaction', async () => {
    const store = new FileObjectStore(root);
    const expected = await sha256Of(movements(24));
    const source = await store.putStream('artifacts', 'processed/stock/movements.ndjson', movements(24), {
      contentType: 'text/plain',
      metadata: { team: 'wms' },
    });

    const copied = await store.copy({ bucket: 'artifacts', key: 'processed/stock/movements.ndjson' }, 'artifacts', 'curated/stock/movements.ndjson', {
      contentType: 'application/x-ndjson',
      metadata: { sha256: expected },
      ifNoneMatch: '*',
    });
    expect(copied).toMatchObject({ size: 24 * 1024 * 1024, etag: source.etag });
    expect(await store.head('artifacts', 'curated/stock/movements.ndjson')).toMatchObject({
      size: 24 * 1024 * 1024,
      contentType: 'application/x-ndjson',
      metadata: { sha256: expected },
    });
    expect(await sha256Of((await store.stream('artifacts', 'curated/stock/movements.ndjson'))!.chunks)).toBe(expected);

    await store.delete('artifacts', 'processed/stock/movements.ndjson');
    expect(await store.head('artifacts', 'processed/stock/movements.ndjson')).toBeUndefined();
    expect(await sha256Of((await store.stream('artifacts', 'curated/stock/movements.ndjson'))!.chunks)).toBe(expected);
    store.compact();
    store.close();

    const reopened = new FileObjectStore(root);
    expect(reopened.recoveries).toEqual([]);
    expect(await sha256Of((await reopened.stream('artifacts', 'curated/stock/movements.ndjson'))!.chunks)).toBe(expected);
    // One file for the one object left: the deleted source took its own name with it, nothing leaked.
    expect(readdirSync(join(root, 'blobs'))).toHaveLength(1);
    reopened.close();
  });

  it('copies a small object that lives in the log', async () => {
    const store = new FileObjectStore(root);
    await store.put('artifacts', 'reports/summary.json', '{"rows":3}\n', { contentType: 'application/json' });
    const copied = await store.copy({ bucket: 'artifacts', key: 'reports/summary.json' }, 'artifacts', 'delivery/summary.json');
    expect(copied?.size).toBe(11);
    expect(Buffer.from((await store.get('artifacts', 'delivery/summary.json'))!.body).toString()).toBe('{"rows":3}\n');
    store.close();
  });

  it('refuses a copy onto an existing key when asked to write only a new one, and leaves that object as it was', async () => {
    const store = new FileObjectStore(root);
    await store.putStream('artifacts', 'a.ndjson', movements(2));
    await store.put('artifacts', 'b.ndjson', '{"kept":true}\n');
    await expect(store.copy({ bucket: 'artifacts', key: 'a.ndjson' }, 'artifacts', 'b.ndjson', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(Buffer.from((await store.get('artifacts', 'b.ndjson'))!.body).toString()).toBe('{"kept":true}\n');
    store.close();
  });

  it('answers undefined, and writes nothing, when the source is not there', async () => {
    const store = new FileObjectStore(root);
    expect(await store.copy({ bucket: 'artifacts', key: 'never-written.ndjson' }, 'artifacts', 'copy.ndjson')).toBeUndefined();
    expect(await store.head('artifacts', 'copy.ndjson')).toBeUndefined();
    store.close();
  });
});
