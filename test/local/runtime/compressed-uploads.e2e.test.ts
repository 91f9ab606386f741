import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

const ORDERS = 'order_id;placed_on;total_eur\n1001;2026-11-02;19,90\n1002;2026-11-03;5,00\n1003;2026-11-04;120,00\n';

/** Both journeys of a use case on one upload: the upload journey and the EDA journey asked for by metadata. */
async function bothJourneys(harness: Harness, body: Uint8Array, key: string): Promise<JourneyView[]> {
  return [await harness.uploadAndWait(body, key), await harness.uploadAndWait(body, key, { journey: 'eda' })];
}

describe('compressed uploads get the same treatment on every journey', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('reads a gzip-compressed CSV on the upload and the EDA journey alike, and keeps the original as uploaded', async () => {
    harness = await embeddedHarness();
    const gz = gzipSync(ORDERS);
    const [upload, eda] = await bothJourneys(harness, gz, 'uploads/mvp/orders.csv.gz');
    expect(upload!.status, JSON.stringify(upload!.error)).toBe('completed');
    expect(eda!.status, JSON.stringify(eda!.error)).toBe('completed');
    expect(upload!.steps[0]!.summary).toMatchObject({ rows: 3, columns: 3 });
    const manifest = JSON.parse(await harness.text(harness.runtime.config.artifactBucket, upload!.steps[2]!.summary['manifestKey'] as string));
    expect(manifest.source.bytes).toBe(gz.byteLength);
    const stored = await harness.runtime.store.get(harness.runtime.config.uploadBucket, 'uploads/mvp/orders.csv.gz');
    expect(Buffer.from(stored!.body).equals(gz)).toBe(true);
  });

  it('stops a gzip bomb at the content limit on both journeys, without expanding it', async () => {
    harness = await embeddedHarness({ config: { maxUploadBytes: 1024 * 1024 } });
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 'a,b\n1,2\n'));
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    for (const view of await bothJourneys(harness, bomb, 'uploads/mvp/bomb.csv.gz')) {
      expect(view.status).toBe('failed');
      expect(view.error).toMatchObject({ code: 'decompressed_too_large', message: expect.stringContaining('expands beyond 1048576 bytes') });
    }
  });

  it('refuses content that expands more than 200 times past 16 MiB as a decompression bomb', async () => {
    harness = await embeddedHarness();
    const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 'a,b\n1,2\n'));
    for (const view of await bothJourneys(harness, bomb, 'uploads/mvp/ratio.csv.gz')) {
      expect(view.status).toBe('failed');
      expect(view.error!.code).toBe('decompression_ratio_exceeded');
    }
  }, 60_000);

  it('names a cut-short gzip file and an archive format it does not read, on both journeys', async () => {
    harness = await embeddedHarness();
    const gz = gzipSync(ORDERS.repeat(200));
    for (const view of await bothJourneys(harness, gz.subarray(0, gz.byteLength - 30), 'uploads/mvp/cut.csv.gz')) {
      expect([view.status, view.error?.code]).toEqual(['failed', 'truncated_input']);
    }
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
    for (const view of await bothJourneys(harness, zip, 'uploads/mvp/orders.zip')) {
      expect([view.status, view.error?.code]).toEqual(['failed', 'unsupported_compression']);
      expect(view.error!.message).toContain('zip archive');
    }
  });
});
