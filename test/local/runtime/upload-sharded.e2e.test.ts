import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { stockExport } from '../../support/stock-export.js';

const SHARDS = { shardBytes: 16 * 1024 };

describe('the mvp upload journey validates and copies a large upload in shards on the embedded runtime', () => {
  const harnesses: Harness[] = [];
  afterEach(() => {
    for (const harness of harnesses.splice(0)) harness.close();
  });

  async function upload(body: string | Uint8Array, key: string, workers: number) {
    const harness = await embeddedHarness({ shards: { workers, ...SHARDS } });
    harnesses.push(harness);
    return { harness, journey: await harness.uploadAndWait(body, key, { journey: 'upload' }) };
  }

  /** What a completed upload journey left that does not name the journey: its reports, its copy and the copy's checksum. */
  async function outcomeOf(harness: Harness, journey: JourneyView) {
    expect(journey.status, JSON.stringify(journey.error)).toBe('completed');
    const text = async (name: string) => {
      const artifact = journey.artifacts.find((a) => a.name === name)!;
      return harness.text(artifact.bucket, artifact.key);
    };
    const manifest = JSON.parse(await text('curated-manifest.json')) as {
      rows: number;
      schema: unknown;
      source: { sha256: string };
      curated: { sha256: string };
    };
    return {
      report: JSON.parse(await text('validation-report.json')) as unknown,
      inferred: JSON.parse(await text('inferred-schema.json')) as unknown,
      normalized: await text('normalized.ndjson'),
      manifest: { rows: manifest.rows, schema: manifest.schema, source: manifest.source.sha256, curated: manifest.curated.sha256 },
    };
  }

  const readingOf = (journey: JourneyView, step: string) => journey.steps.find((s) => s.name === step)!.summary as { shards: number; workers: number };

  it("gives on two workers, in shards, exactly the reports, typed copy and curated checksum one pass gives for a warehouse's stock export", async () => {
    const text = stockExport(4000);
    const one = await upload(text, 'uploads/mvp/lager/bestand.csv', 1);
    const two = await upload(text, 'uploads/mvp/lager/bestand.csv', 2);
    expect(readingOf(one.journey, 'validate_file')).toMatchObject({ shards: 1, workers: 1 });
    for (const step of ['validate_file', 'process_file']) {
      expect(readingOf(two.journey, step).shards).toBeGreaterThan(5);
      expect(readingOf(two.journey, step).workers).toBe(2);
    }
    const expected = await outcomeOf(one.harness, one.journey);
    expect(await outcomeOf(two.harness, two.journey)).toEqual(expected);
    // The file holds what the shards must agree on: decimal commas read as numbers, a type that settles late, formula-like notes.
    expect(expected.normalized.split('\n')).toHaveLength(4001);
    expect(expected.report).toMatchObject({ rows: 4000, hadBom: true, decimalComma: [{ column: 'Preis (EUR)', decision: 'read_as_numbers' }] });
    expect((expected.report as { formulaLikeCells: { count: number } }).formulaLikeCells.count).toBeGreaterThan(100);
  });

  it('validates and copies two large uploads arriving at once, each exactly as one pass alone would', async () => {
    // A second team's export of the same shape but its own length and name, so the two journeys cannot pass for each other.
    const files = [
      { body: stockExport(4000), key: 'uploads/mvp/lager/bestand.csv' },
      { body: stockExport(5200), key: 'uploads/mvp/filiale-2/inventur.csv' },
    ];
    const expected = [];
    for (const file of files) {
      const alone = await upload(file.body, file.key, 1);
      expected.push(await outcomeOf(alone.harness, alone.journey));
    }
    const harness = await embeddedHarness({ shards: { workers: 2, ...SHARDS } });
    harnesses.push(harness);
    const started = await Promise.all(files.map((file) => harness.runtime.upload({ body: file.body, key: file.key, metadata: { journey: 'upload' } })));
    await harness.runtime.idle();
    const journeys = started.map(({ journeyId }) => harness.runtime.journey(journeyId)!);
    for (const [i, journey] of journeys.entries()) expect(await outcomeOf(harness, journey), files[i]!.key).toEqual(expected[i]);
    // At least one of them was read in shards while the other was under way.
    expect(Math.max(...journeys.map((j) => readingOf(j, 'validate_file').shards))).toBeGreaterThan(5);
    expect(expected[1]!.normalized.split('\n')).toHaveLength(5201);
  });

  const lines = () => stockExport(4000).split('\r\n');
  const badFiles: [string, () => string | Uint8Array][] = [
    [
      'a row far in that lost its last field',
      () => {
        const rows = lines();
        rows[3500] = rows[3500]!.slice(0, rows[3500]!.lastIndexOf(';'));
        return rows.join('\r\n');
      },
    ],
    [
      'a Latin-1 byte far in',
      () => {
        // Past the first read of the file (256 KiB), so a shard, not the format check, meets the byte.
        const bytes = new TextEncoder().encode(stockExport(8000));
        bytes[bytes.length - 500] = 0xe9;
        return bytes;
      },
    ],
    [
      'a quote opened in its last row and never closed',
      () => {
        const rows = lines();
        const last = rows.length - 2;
        rows[last] = `${rows[last]!.slice(0, rows[last]!.lastIndexOf(';'))};"offen`;
        return rows.join('\r\n');
      },
    ],
  ];

  it.each(badFiles)('refuses a stock export with %s on two workers with the one-pass code, words and lines', async (_, make) => {
    const body = make();
    const one = await upload(body, 'uploads/mvp/lager/kaputt.csv', 1);
    const two = await upload(body, 'uploads/mvp/lager/kaputt.csv', 2);
    expect(one.journey.status).toBe('failed');
    expect(two.journey.status).toBe('failed');
    expect(two.journey.error).toEqual(one.journey.error);
    expect(one.journey.error?.details?.[0]).toMatch(/^line \d+: /);
  });
});
