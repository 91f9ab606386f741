import { describe, expect, it } from 'vitest';
import { ArtifactConflictError, copyArtifactOnce, sha256Hex, writeStreamedArtifactOnce } from '#domain/journeys/artifact-store.js';
import { InMemoryObjectStore } from '../../support/in-memory-object-store.js';

const NDJSON = '{"plate":"B-XY 123","km":88412}\n{"plate":"M-AB 9","km":1203}\n';

async function* chunksOf(text: string): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += 16) yield bytes.subarray(at, at + 16);
}

async function normalisedArtifact(store: InMemoryObjectStore) {
  return writeStreamedArtifactOnce(store, {
    bucket: 'artifacts',
    key: 'processed/fleet/j-1/odometer.ndjson',
    name: 'normalized.ndjson',
    step: 'process_file',
    chunks: chunksOf(NDJSON),
    contentType: 'application/x-ndjson',
  });
}

const curatedSpec = {
  bucket: 'artifacts',
  key: 'curated/fleet/j-1/curated.ndjson',
  name: 'curated.ndjson',
  step: 'store_file',
  contentType: 'application/x-ndjson',
};

describe('an artifact filed unchanged under another key', () => {
  it('is a copy with the SHA-256 recorded when its source was written, carried as metadata', async () => {
    const store = new InMemoryObjectStore();
    const from = await normalisedArtifact(store);
    const copied = await copyArtifactOnce(store, { from, ...curatedSpec });
    expect(copied).toMatchObject({
      key: curatedSpec.key,
      name: 'curated.ndjson',
      step: 'store_file',
      size: Buffer.byteLength(NDJSON),
      sha256: sha256Hex(NDJSON),
    });
    expect(store.text('artifacts', curatedSpec.key)).toBe(NDJSON);
    expect((await store.head('artifacts', curatedSpec.key))?.metadata).toEqual({ sha256: sha256Hex(NDJSON) });
  });

  it('copied again (a redelivered step) returns the first copy and writes nothing', async () => {
    const store = new InMemoryObjectStore();
    const from = await normalisedArtifact(store);
    const first = await copyArtifactOnce(store, { from, ...curatedSpec });
    const again = await copyArtifactOnce(store, { from, ...curatedSpec });
    expect(again).toEqual(first);
  });

  it('is a conflict, never an overwrite, when the key already holds something else', async () => {
    const store = new InMemoryObjectStore();
    const from = await normalisedArtifact(store);
    await store.put('artifacts', curatedSpec.key, '{"plate":"other"}\n');
    await expect(copyArtifactOnce(store, { from, ...curatedSpec })).rejects.toBeInstanceOf(ArtifactConflictError);
    expect(store.text('artifacts', curatedSpec.key)).toBe('{"plate":"other"}\n');
  });

  it('fails, naming the artifact, when its source is gone', async () => {
    const store = new InMemoryObjectStore();
    const from = await normalisedArtifact(store);
    await store.delete(from.bucket, from.key);
    await expect(copyArtifactOnce(store, { from, ...curatedSpec })).rejects.toThrow(/artifact "normalized.ndjson" is missing/);
  });
});
