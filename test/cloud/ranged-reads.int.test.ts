import { describe, expect, it } from 'vitest';
import { emulatorStage } from '../support/emulator-stage.js';

const emulator = await emulatorStage();

/** 20 MiB of bytes that say where they are, so a wrong offset cannot pass for a right one. */
function numberedBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >>> 11)) & 0xff;
  return bytes;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * A shard reads a stretch of a large object through the store's ranged read: bounded ranged GETs
 * one after another, against a real S3 API. The bytes must be the object's from the offset on,
 * across the GETs' seams, and a read stopped early must not hang.
 */
describe.skipIf(!emulator.available)('ranged reads from S3 on the emulator', () => {
  const { stage } = emulator.available ? emulator.emulator : ({} as never);
  const size = 20 * 1024 * 1024 + 17;
  const body = numberedBytes(size);
  const key = `ranged-reads/object-${Date.now().toString(36)}.bin`;

  it('reads from any offset to the end, across its ranged GETs, with the whole size in its head', async () => {
    await stage.store.put(stage.artifactBucket, key, body);
    for (const from of [0, 5, 8 * 1024 * 1024 - 3, 8 * 1024 * 1024, size - 10]) {
      const opened = (await stage.store.stream(stage.artifactBucket, key, { from }))!;
      expect(opened.head.size, `from ${from}`).toBe(size);
      const read = await collect(opened.chunks);
      expect(read.length, `from ${from}`).toBe(size - from);
      expect(Buffer.compare(read, body.subarray(from)), `from ${from}`).toBe(0);
    }
    // At or past the end: the object is there, with nothing left to read.
    for (const from of [size, size + 5]) {
      const opened = (await stage.store.stream(stage.artifactBucket, key, { from }))!;
      expect(opened.head.size).toBe(size);
      expect((await collect(opened.chunks)).length).toBe(0);
    }
    expect(await stage.store.stream(stage.artifactBucket, `${key}.missing`, { from: 3 })).toBeUndefined();
  });

  it('stops cleanly when its reader stops after the first bytes, and refuses to go on once the object was replaced', async () => {
    await stage.store.put(stage.artifactBucket, key, body);
    const opened = (await stage.store.stream(stage.artifactBucket, key, { from: 1000 }))!;
    for await (const chunk of opened.chunks) {
      expect(chunk[0]).toBe(body[1000]);
      break;
    }
    // Replaced between two of its GETs: the rest of a read would mix two objects, so it fails instead.
    const reading = (await stage.store.stream(stage.artifactBucket, key, { from: 0 }))!;
    const iterator = reading.chunks[Symbol.asyncIterator]();
    await iterator.next();
    await stage.store.put(stage.artifactBucket, key, numberedBytes(size).reverse());
    await expect(
      (async () => {
        for (let next = await iterator.next(); !next.done; next = await iterator.next());
      })(),
    ).rejects.toThrow();
  });
});
