import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

const HEADER = 'POLICY|LOB|EFF|WRITTEN_PREM|CLAIM|LOSS_DT|PAID|STATUS';
const LOBS = ['AUTO', 'HOME', 'LIFE', 'HLTH', 'COMM', 'UMBR'];

/** A book going back to 1990: six lines of business over 35 years is 210 lob/year partitions. */
function longBook(rows: number, badStatusAt?: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const year = 1990 + (i % 35);
    const status = i === badStatusAt ? 'ZZ' : i % 4 === 0 ? 'OP' : 'PD';
    lines.push(
      `PX${String(i).padStart(7, '0')}|${LOBS[Math.floor(i / 35) % 6]}|${year}0701|${(250 + (i % 40)).toFixed(2)}|C${i}|${year}0915|${(i % 7) * 10}.00|${status}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('insurance_ai upload of a long book', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await embeddedHarness();
  });
  afterAll(() => harness.close());

  it('completes with every lob/year partition listed in partitions.json, however many there are', async () => {
    const view = await harness.uploadAndWait(longBook(2100), 'uploads/insurance_ai/legacy/book-1990-2024.psv');
    expect(view.status, JSON.stringify(view.error)).toBe('completed');
    const ref = view.artifacts.find((a) => a.name === 'partitions.json')!;
    const lake = JSON.parse(await harness.text(ref.bucket, ref.key));
    expect(lake.partitions).toHaveLength(210);
    expect(lake.totalRows).toBe(2100);
    for (const p of lake.partitions.slice(0, 5)) {
      const body = await harness.text(ref.bucket, p.key);
      expect(body.trim().split('\n')).toHaveLength(p.rows);
      expect(await harness.sha256(ref.bucket, p.key)).toBe(p.sha256);
    }
  });

  it('fails an extract with a bad code deep inside, naming its line, and leaves no normalised records behind', async () => {
    const view = await harness.uploadAndWait(longBook(20_000, 14_321), 'uploads/insurance_ai/legacy/book-bad-status.psv');
    expect(view.status).toBe('failed');
    expect(view.error?.message).toMatch(/14323|ZZ/);
    const leftovers = await harness.runtime.store.list(harness.runtime.config.artifactBucket, `journeys/${view.journeyId}/`);
    expect(leftovers.map((o) => o.key).filter((k) => k.includes('records.normalized'))).toEqual([]);
    expect(await harness.runtime.store.list(harness.runtime.config.artifactBucket, 'lake/insurance_ai/')).toSatisfy((objects: { key: string }[]) =>
      objects.every((o) => !o.key.includes(view.journeyId)),
    );
  });
});
