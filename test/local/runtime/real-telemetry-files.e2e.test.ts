import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { CORPUS_MAX_SPEED_KMH, telemetryCorpus, type CorpusFile } from '../../support/telemetry-corpus.js';

/** Both autonomous-vehicle journeys on telemetry shaped as other teams have it. */
describe('autonomous_vehicle journeys on other teams’ telemetry files', () => {
  let harness: Harness;
  const corpus = telemetryCorpus();
  const upload = new Map<string, JourneyView>();
  const eda = new Map<string, JourneyView>();

  beforeAll(async () => {
    harness = await embeddedHarness();
    for (const file of corpus) {
      if (file.mappingFile) {
        await harness.runtime.store.put(
          harness.runtime.config.uploadBucket,
          `uploads/autonomous_vehicle/${file.folder}/_column-map.json`,
          JSON.stringify(file.mappingFile),
        );
      }
      upload.set(file.name, await harness.uploadAndWait(file.body, `uploads/autonomous_vehicle/${file.folder}/${file.name}`, file.metadata));
      eda.set(
        file.name,
        await harness.uploadAndWait(file.body, `uploads/autonomous_vehicle/${file.folder}/${file.name}`, { ...file.metadata, journey: 'eda' }),
      );
    }
  }, 120_000);
  afterAll(() => harness.close());

  const json = async (view: JourneyView, name: string) => {
    const ref = view.artifacts.find((a) => a.name === name);
    if (!ref) throw new Error(`${view.journeyId} left no ${name}; it left ${view.artifacts.map((a) => a.name).join(', ')}`);
    return JSON.parse(await harness.text(ref.bucket, ref.key));
  };

  const completing = corpus.filter((f): f is CorpusFile & { expect: { status: 'completed'; vehicles: number } } => f.expect.status === 'completed');
  const failing = corpus.filter((f): f is CorpusFile & { expect: { status: 'failed'; code: string; mentions: string[] } } => f.expect.status === 'failed');

  it.each(completing.map((f) => [f.name, f] as const))('%s: the upload journey completes and reads the same speeds in km/h', async (_name, file) => {
    const view = upload.get(file.name)!;
    expect(view.status, JSON.stringify(view.error)).toBe('completed');
    const report = await json(view, 'validation-report.json');
    expect(report.rows).toBe(file.expect.vehicles * 90);
    expect(report.vehicles).toBe(file.expect.vehicles);
    const telemetry = await json(view, 'telemetry.normalized.json');
    const speedAt = (telemetry.columns as string[]).indexOf('speed_kmh');
    const accelerationAt = (telemetry.columns as string[]).indexOf('acceleration_mps2');
    const speeds = (telemetry.rows as number[][]).map((r) => r[speedAt]!);
    expect(Math.max(...speeds)).toBeCloseTo(CORPUS_MAX_SPEED_KMH, 1);
    expect(Math.min(...(telemetry.rows as number[][]).map((r) => r[accelerationAt]!))).toBeCloseTo(-1, 2);
    const mapping = await json(view, 'column-mapping.json');
    expect(mapping.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['time', 'speed', 'acceleration', 'latitude', 'longitude']));
  });

  it.each(completing.map((f) => [f.name, f] as const))('%s: the EDA journey completes with the same top speed', async (_name, file) => {
    const view = eda.get(file.name)!;
    expect(view.status, JSON.stringify(view.error)).toBe('completed');
    const performance = await json(view, 'vehicle-performance.json');
    expect(performance.vehicles).toHaveLength(file.expect.vehicles);
    for (const vehicle of performance.vehicles) expect(vehicle.speedKmh.max).toBeCloseTo(CORPUS_MAX_SPEED_KMH, 0);
  });

  it.each(failing.map((f) => [f.name, f] as const))('%s: refused with its code and a message that says how to fix it', async (_name, file) => {
    // The EDA journey is for finding bad values: it completes and reports them as anomalies.
    const edaRefuses = !['implausible_values', 'timestamps_not_increasing'].includes(file.expect.code);
    if (!edaRefuses) expect(eda.get(file.name)!.status).toBe('completed');
    for (const view of edaRefuses ? [upload.get(file.name)!, eda.get(file.name)!] : [upload.get(file.name)!]) {
      expect(view.status).toBe('failed');
      expect(view.error?.code).toBe(file.expect.code);
      const said = [view.error!.message, ...(view.error!.details ?? [])].join('\n');
      for (const mention of file.expect.mentions) expect(said).toContain(mention);
    }
  });

  it('names the vehicle of a single-vehicle file after the file, and says which condition axes it lacks', async () => {
    const german = await json(upload.get('fahrt-ka7.csv')!, 'validation-report.json');
    expect(Object.keys(german.samplesPerVehicle)).toEqual(['fahrt-ka7']);
    expect(german.columns.absent.map((a: { field: string }) => a.field)).toEqual(['vehicle', 'heading', 'road_type', 'time_of_day']);
    const plan = await json(upload.get('fahrt-ka7.csv')!, 'test-plan.json');
    expect(plan.notRecorded.map((n: { field: string }) => n.field)).toEqual(['road_type', 'time_of_day']);
    const mapping = await json(upload.get('fahrt-ka7.csv')!, 'column-mapping.json');
    expect(mapping.declaredBy).toEqual(['uploads/autonomous_vehicle/werk-karlsruhe/_column-map.json']);
    expect(mapping.fields.find((f: { field: string }) => f.field === 'time').encoding.name).toBe('dmy');
    expect(mapping.fields.find((f: { field: string }) => f.field === 'longitude').column).toBe('Länge');
  });

  it('reports two equally fitting speed columns as an ambiguity, taking the first, in both journeys', async () => {
    for (const view of [upload.get('two-speed-sensors.csv')!, eda.get('two-speed-sensors.csv')!]) {
      const mapping = await json(view, 'column-mapping.json');
      expect(mapping.fields.find((f: { field: string }) => f.field === 'speed').column).toBe('speed_kmh');
      expect(mapping.ambiguities).toEqual([expect.objectContaining({ field: 'speed', chosen: 'speed_kmh', alsoFitting: ['velocity_kmh'] })]);
      expect(mapping.unmapped).toEqual(['velocity_kmh', 'yaw_rate_dps', 'battery_soc']);
    }
  });

  it('leaves every upload byte for byte as it was sent', async () => {
    for (const file of corpus) {
      const view = upload.get(file.name)!;
      expect(await harness.text(view.input!.bucket, view.input!.key)).toBe(file.body);
    }
  });
});
