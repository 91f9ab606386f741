import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { roundedFigures } from '../../support/rounded-figures.js';

/** A shop's order export as its team writes it: semicolons, CRLF, decimal points, quoted comments over several lines, blanks. */
function orderExport(rows: number): string {
  const lines = ['Bestellnummer;Datum;Kunde;Artikel;Menge;Betrag;Kommentar'];
  for (let i = 0; i < rows; i++) {
    const comment = i % 6 === 0 ? `"Lieferung an Nachbar;\r\nbitte klingeln ""zweimal"""` : i % 9 === 0 ? '' : `ok ${i % 17}`;
    const day = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(
      `B-${500_000 + i};${day};K${(i * 7) % 1300};${['Tisch', 'Stuhl', 'Lampe', 'Regal'][i % 4]};${(i % 5) + 1};${((i * 19.99) % 800).toFixed(2)};${comment}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Vehicle telemetry from another fleet: its own column names and units, tab-separated, with a dropout now and then. */
function fleetTelemetry(rows: number): string {
  const lines = ['ts\tvin\tvelocity_mph\taccel_g\tlat\tlon'];
  const start = Date.UTC(2026, 10, 3, 7, 0, 0);
  for (let i = 0; i < rows; i++) {
    const speed = i % 97 === 0 ? '' : ((i * 3.7) % 70).toFixed(1);
    lines.push(
      `${new Date(start + i * 500).toISOString()}\tVIN${i % 8}\t${speed}\t${(((i % 21) - 10) / 40).toFixed(3)}\t${(47.1 + (i % 900) * 1e-5).toFixed(6)}\t${(8.5 + (i % 700) * 1e-5).toFixed(6)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A utility's meter readings: semicolons, CRLF, an offset on every time, readings every quarter
 * hour with an outage now and then, a clock set back twice, no time where the reader failed, and
 * a quoted remark over two lines.
 */
function meterReadings(rows: number): string {
  const lines = ['Zaehler;Ablesezeitpunkt;Stand kWh;Bemerkung'];
  let at = Date.UTC(2026, 9, 1, 0, 0);
  for (let i = 0; i < rows; i++) {
    at += i % 1500 === 700 ? -3_600_000 : i % 400 === 399 ? 6 * 3_600_000 : 900_000;
    const time = i % 250 === 3 ? '' : new Date(at).toISOString().replace('.000Z', '+00:00');
    const remark = i % 11 === 0 ? '"Zähler getauscht;\r\nneuer Stand"' : '';
    lines.push(`Z-${i % 40};${time};${(i * 1.25).toFixed(2)};${remark}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('EDA journeys profile a large upload in shards on the embedded runtime', () => {
  const harnesses: Harness[] = [];
  afterEach(() => {
    for (const harness of harnesses.splice(0)) harness.close();
  });

  /** The EDA journey's error for the same upload read in one pass and in shards, each journey failed. */
  async function refusalsInOneAndTwoWorkers(body: string, key: string, shardBytes: number): Promise<JourneyView['error'][]> {
    const errors: JourneyView['error'][] = [];
    for (const workers of [1, 2]) {
      const harness = await embeddedHarness({ shards: { workers, shardBytes } });
      harnesses.push(harness);
      const eda = await harness.uploadAndWait(body, key, { journey: 'eda' });
      expect(eda.status).toBe('failed');
      errors.push(eda.error);
    }
    return errors;
  }

  async function profileOf(body: string | AsyncIterable<Uint8Array>, key: string, workers: number) {
    const harness = await embeddedHarness({ shards: { workers, shardBytes: 16 * 1024 } });
    harnesses.push(harness);
    const { journeyId } = await harness.runtime.upload({ body, key, metadata: { journey: 'eda' } });
    await harness.runtime.idle();
    const eda: JourneyView = harness.runtime.journey(journeyId)!;
    expect(eda.status, JSON.stringify(eda.error)).toBe('completed');
    // The first step says how it read the upload: with two workers, in shards.
    const reading = eda.steps[0]!.summary as { shards: number; workers: number };
    if (workers === 1) expect(reading).toMatchObject({ shards: 1, workers: 1 });
    else expect(reading.shards).toBeGreaterThan(5);
    const artifact = eda.artifacts.find((a) => a.name === 'profile.json')!;
    return JSON.parse(await harness.text(artifact.bucket, artifact.key)) as { rows: number; columns: { name: string }[] };
  }

  /** The mvp EDA journey's exploration, and how its explore_data step followed the timestamp columns. */
  async function explorationOf(text: string, workers: number) {
    const harness = await embeddedHarness({ shards: { workers, shardBytes: 16 * 1024 } });
    harnesses.push(harness);
    const eda = await harness.uploadAndWait(text, 'uploads/mvp/zaehler/ablesungen.csv', { journey: 'eda' });
    expect(eda.status, JSON.stringify(eda.error)).toBe('completed');
    const explore = eda.steps.find((step) => step.name === 'explore_data')!;
    const artifact = eda.artifacts.find((a) => a.name === 'exploration.json')!;
    const exploration = JSON.parse(await harness.text(artifact.bucket, artifact.key)) as { timestampSequences: Record<string, unknown>[] };
    return { exploration, shards: (explore.summary as { timestampShards: number }).timestampShards };
  }

  async function* streamed(text: string): AsyncGenerator<Uint8Array> {
    const bytes = new TextEncoder().encode(text);
    for (let at = 0; at < bytes.length; at += 50_000) yield bytes.subarray(at, at + 50_000);
  }

  it('mvp: an order export held in the store log gives on two workers the profile.json one pass gives', async () => {
    const text = orderExport(5000);
    const one = await profileOf(text, 'uploads/mvp/bestellungen.csv', 1);
    const two = await profileOf(text, 'uploads/mvp/bestellungen.csv', 2);
    expect(one.rows).toBe(5000);
    expect(roundedFigures(two)).toEqual(roundedFigures(one));
  });

  it('mvp: a meter-reading log gives on two workers, its timestamp columns followed in shards, the exploration.json one pass gives', async () => {
    const text = meterReadings(6000);
    const one = await explorationOf(text, 1);
    const two = await explorationOf(text, 2);
    expect(one.shards).toBe(1);
    expect(two.shards).toBeGreaterThan(5);
    expect(two.exploration).toEqual(one.exploration);
    const [read] = one.exploration.timestampSequences as { column: string; values: number; backwardSteps: number; gaps: number }[];
    expect(read).toMatchObject({ column: 'Ablesezeitpunkt', values: 6000 - 24 });
    expect(read!.backwardSteps).toBeGreaterThan(0);
    expect(read!.gaps).toBeGreaterThan(0);
  });

  it('autonomous_vehicle: telemetry streamed into its own file gives on two workers the profile.json one pass gives', async () => {
    const text = fleetTelemetry(6000);
    const one = await profileOf(streamed(text), 'uploads/autonomous_vehicle/fleet-07.tsv', 1);
    const two = await profileOf(streamed(text), 'uploads/autonomous_vehicle/fleet-07.tsv', 2);
    expect(one.rows).toBe(6000);
    expect(one.columns.map((c) => c.name)).toEqual(['ts', 'vin', 'velocity_mph', 'accel_g', 'lat', 'lon']);
    expect(roundedFigures(two)).toEqual(roundedFigures(one));
  });

  it('profiles two large uploads arriving at once (one in shards; the other in one pass if the workers are still busy) as one pass would', async () => {
    const orders = orderExport(5000);
    const telemetry = fleetTelemetry(6000);
    const expected = [await profileOf(orders, 'uploads/mvp/a.csv', 1), await profileOf(telemetry, 'uploads/autonomous_vehicle/b.tsv', 1)];
    const harness = await embeddedHarness({ shards: { workers: 2, shardBytes: 16 * 1024 } });
    harnesses.push(harness);
    const started = await Promise.all([
      harness.runtime.upload({ body: orders, key: 'uploads/mvp/a.csv', metadata: { journey: 'eda' } }),
      harness.runtime.upload({ body: telemetry, key: 'uploads/autonomous_vehicle/b.tsv', metadata: { journey: 'eda' } }),
    ]);
    await harness.runtime.idle();
    const views = started.map(({ journeyId }) => harness.runtime.journey(journeyId)!);
    expect(views.map((v) => v.status)).toEqual(['completed', 'completed']);
    const shards = views.map((v) => (v.steps[0]!.summary as { shards: number }).shards);
    expect(Math.max(...shards)).toBeGreaterThan(5);
    for (const [i, view] of views.entries()) {
      const artifact = view.artifacts.find((a) => a.name === 'profile.json')!;
      expect(roundedFigures(JSON.parse(await harness.text(artifact.bucket, artifact.key)))).toEqual(roundedFigures(expected[i]));
    }
  });

  it('fails the journey with the code and byte one pass names when a later shard is not UTF-8', async () => {
    // Past the first read of the file (256 KiB), so the shards, not the format check, meet the byte.
    const bytes = new TextEncoder().encode(fleetTelemetry(20_000));
    const at = bytes.length - 300;
    bytes[at] = 0xe9; // "é" in Latin-1
    const errors: JourneyView['error'][] = [];
    for (const workers of [1, 2]) {
      const harness = await embeddedHarness({ shards: { workers, shardBytes: 16 * 1024 } });
      harnesses.push(harness);
      const eda = await harness.uploadAndWait(bytes, 'uploads/autonomous_vehicle/latin1.tsv', { journey: 'eda' });
      expect(eda.status).toBe('failed');
      errors.push(eda.error);
    }
    expect(errors[0]).toMatchObject({ code: 'invalid_utf8' });
    expect(errors[0]!.message).toContain(`offset ${at}`);
    expect(errors[1]).toMatchObject({ code: errors[0]!.code, message: errors[0]!.message });
    // The one-pass refusal's own lines, then the shard the byte is in.
    expect(errors[1]!.details?.slice(0, -1)).toEqual(errors[0]!.details);
    const shard = /^shard \d+ \(bytes (\d+)-(\d+)\)$/.exec(errors[1]!.details?.at(-1) ?? '');
    expect(shard && Number(shard[1]) <= at && at < Number(shard[2])).toBe(true);
  });

  it('admits a clean upload from its first shard alone, and refuses one with a short row far in with the one-pass words', async () => {
    const text = orderExport(5000);
    const harness = await embeddedHarness({ shards: { workers: 2, shardBytes: 16 * 1024 } });
    harnesses.push(harness);
    const clean = await harness.uploadAndWait(text, 'uploads/mvp/bestellungen.csv', { journey: 'eda' });
    const summary = clean.steps[0]!.summary as { bytes: number; admittedFromBytes: number };
    expect(clean.status).toBe('completed');
    expect(summary.admittedFromBytes).toBeGreaterThan(0);
    expect(summary.admittedFromBytes).toBeLessThan(summary.bytes / 4);

    // Row 4321 loses its last field: the shards see a ragged row, and the admission reads the whole file to word it.
    const rows = text.split('\r\n');
    const index = rows.findIndex((row, i) => i > 4000 && !row.includes('"'));
    rows[index] = rows[index]!.slice(0, rows[index]!.lastIndexOf(';'));
    const errors = await refusalsInOneAndTwoWorkers(rows.join('\r\n'), 'uploads/mvp/kurz.csv', 16 * 1024);
    expect(errors[0]).toMatchObject({ code: 'ragged_rows' });
    expect(errors[1]).toEqual(errors[0]);
  });

  it('admits an upload whose first shard is megabytes from its leading rows alone, cut at a row boundary, and refuses a repeated header name with the one-pass words', async () => {
    const text = orderExport(60_000);
    const harness = await embeddedHarness({ shards: { workers: 2, shardBytes: 2 * 1024 * 1024 } });
    harnesses.push(harness);
    const clean = await harness.uploadAndWait(text, 'uploads/mvp/bestellungen-gross.csv', { journey: 'eda' });
    expect(clean.status).toBe('completed');
    const summary = clean.steps[0]!.summary as { bytes: number; shards: number; admittedFromBytes: number };
    expect(summary.shards).toBeGreaterThan(1);
    // About a MiB of whole rows, not the first shard's 2 MB: the prefix ends where an order row starts.
    expect(summary.admittedFromBytes).toBeGreaterThanOrEqual(1024 * 1024);
    expect(summary.admittedFromBytes).toBeLessThan(1024 * 1024 + 200);
    expect(
      Buffer.from(text)
        .subarray(summary.admittedFromBytes, summary.admittedFromBytes + 2)
        .toString(),
    ).toBe('B-');

    const errors = await refusalsInOneAndTwoWorkers(text.replace('Menge;Betrag', 'Menge;Menge'), 'uploads/mvp/doppelt.csv', 2 * 1024 * 1024);
    expect(errors[0]).toMatchObject({ code: 'duplicate_header' });
    expect(errors[1]).toEqual(errors[0]);
  });
});
