import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PreconditionFailedError } from '#domain/ports/object-store.js';
import { S3ObjectStore } from '#functions/adapters/s3-object-store.js';
import { emulatorStage } from '../support/emulator-stage.js';

const emulator = await emulatorStage();
const MiB = 1024 * 1024;

/** 12 MiB and a few bytes of a payments ledger as NDJSON: every line different, so a part copied from the wrong range shows. */
function ledger(bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const line = `{"txn":"T${n.toString().padStart(9, '0')}","iban":"DE89 3704 0044 0532 ${(n % 10_000).toString().padStart(4, '0')} 00","eur":${((n * 37) % 99_999) / 100}}\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * store_file files the normalised copy under curated/ with a copy S3 makes on its side. Against a
 * real S3 API, with parts of 5 MiB (the smallest S3 takes) so a small object is copied in several:
 * the bytes must be the source's across the parts' seams, under a key a person might type, and a
 * copy onto an existing key must lose without leaving parts behind.
 */
describe.skipIf(!emulator.available)('server-side copies in S3 on the emulator', () => {
  const { stage } = emulator.available ? emulator.emulator : ({} as never);
  const store = emulator.available ? new S3ObjectStore(stage.s3, { copyPartBytes: 5 * MiB }) : (undefined as never);
  const run = Date.now().toString(36);
  const body = ledger(12 * MiB + 321);
  const sourceKey = `copies/${run}/processed/Zahlungen März #3 (final+korr).ndjson`;

  it('copies an object in parts with the content type and metadata asked for, byte for byte', async () => {
    await store.putStream(
      stage.artifactBucket,
      sourceKey,
      (async function* () {
        for (let at = 0; at < body.length; at += 4 * MiB) yield body.subarray(at, at + 4 * MiB);
      })(),
    );
    const target = `copies/${run}/curated/2026/12/08/Zahlungen März #3 (final+korr).ndjson`;
    const copied = await store.copy({ bucket: stage.artifactBucket, key: sourceKey }, stage.artifactBucket, target, {
      contentType: 'application/x-ndjson',
      metadata: { sha256: sha256(body) },
      ifNoneMatch: '*',
    });
    expect(copied?.size).toBe(body.length);
    // Three parts: 5 MiB, 5 MiB and the rest.
    expect(copied?.etag).toMatch(/-3"$/);
    const opened = (await store.stream(stage.artifactBucket, target))!;
    expect(opened.head).toMatchObject({ size: body.length, contentType: 'application/x-ndjson', metadata: { sha256: sha256(body) } });
    expect(sha256(await bytesOf(opened.chunks))).toBe(sha256(body));
  });

  it('refuses to copy onto an existing key when asked for a new one, keeps what is there and leaves no parts stored', async () => {
    const target = `copies/${run}/curated/taken.ndjson`;
    await store.put(stage.artifactBucket, target, '{"kept":true}\n');
    await expect(store.copy({ bucket: stage.artifactBucket, key: sourceKey }, stage.artifactBucket, target, { ifNoneMatch: '*' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(Buffer.from((await store.get(stage.artifactBucket, target))!.body).toString()).toBe('{"kept":true}\n');
    const pending = await stage.s3.send(new ListMultipartUploadsCommand({ Bucket: stage.artifactBucket, Prefix: `copies/${run}/` }));
    expect(pending.Uploads ?? []).toEqual([]);
  });

  it('copies an empty object, and answers undefined for a source that is not there', async () => {
    const empty = `copies/${run}/processed/empty.ndjson`;
    await store.put(stage.artifactBucket, empty, '');
    expect((await store.copy({ bucket: stage.artifactBucket, key: empty }, stage.artifactBucket, `copies/${run}/curated/empty.ndjson`))?.size).toBe(0);
    expect((await store.head(stage.artifactBucket, `copies/${run}/curated/empty.ndjson`))?.size).toBe(0);
    expect(
      await store.copy({ bucket: stage.artifactBucket, key: `copies/${run}/never-written` }, stage.artifactBucket, `copies/${run}/curated/x`),
    ).toBeUndefined();
  });
});
