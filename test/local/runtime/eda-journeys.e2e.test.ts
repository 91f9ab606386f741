import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

const registry = defaultUseCaseRegistry();
const sample = (useCase: string, fileName: string) =>
  registry
    .useCase(useCase)!
    .samples(7)
    .find((s) => s.fileName === fileName)!;

const EDA_STEPS: Record<string, string[]> = {
  mvp: ['load_data', 'explore_data', 'generate_insights', 'create_visualizations'],
  autonomous_vehicle: ['load_test_data', 'analyze_vehicle_performance', 'identify_anomalies', 'generate_safety_reports'],
  insurance_ai: ['load_legacy_data', 'analyze_data_patterns', 'identify_ai_opportunities', 'generate_business_insights'],
};

const SECTIONS: Record<string, string[]> = {
  mvp: ['What the columns are for'],
  autonomous_vehicle: ['Vehicle performance', 'Anomalies', 'Safety events per 1,000 km'],
  insurance_ai: ['Business insights', 'Claims by segment', 'AI opportunities'],
};

describe('EDA journeys on the embedded runtime', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  const followOnOf = (upload: JourneyView) => harness.runtime.journeys().find((j) => j.parentJourneyId === upload.journeyId);

  for (const [useCase, fileName] of [
    ['mvp', 'mvp-orders.tsv'],
    ['autonomous_vehicle', 'av-telemetry.csv'],
    ['insurance_ai', 'insurance-policies.dat'],
  ] as const) {
    it(`${useCase}: a completed upload journey is followed by a completed EDA journey with its report and profile`, async () => {
      harness = await embeddedHarness();
      const file = sample(useCase, fileName);
      const key = `uploads/${useCase}/${file.fileName}`;
      const upload = await harness.uploadAndWait(file.body, key);
      expect(upload).toMatchObject({ status: 'completed', journey: 'upload' });
      expect(upload.delivery?.followOn).toEqual(['eda']);

      const eda = followOnOf(upload)!;
      expect(eda).toMatchObject({ status: 'completed', journey: 'eda', useCase, parentJourneyId: upload.journeyId, input: { key } });
      expect(eda.steps.map((s) => [s.name, s.status])).toEqual(EDA_STEPS[useCase]!.map((name) => [name, 'completed']));
      for (const step of eda.steps) expect(step.artifacts.length, step.name).toBeGreaterThan(0);

      const artifact = (name: string) => eda.artifacts.find((a) => a.name === name)!;
      const profile = JSON.parse(await harness.text(artifact('profile.json').bucket, artifact('profile.json').key));
      expect(profile.rows).toBeGreaterThan(0);
      const html = await harness.text(artifact('report.html').bucket, artifact('report.html').key);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).not.toMatch(/<script|<link|src=/i);
      expect(html).toContain(`<h1>${file.fileName}</h1>`);
      for (const title of SECTIONS[useCase]!) expect(html).toContain(title);
      // The EDA journey is delivered too, with its own notification.
      expect(eda.delivery?.subject).toContain(file.fileName);
      expect(eda.delivery?.followOn).toEqual([]);
    });
  }

  it('runs the EDA journey alone when the upload asks for it (object metadata journey=eda)', async () => {
    harness = await embeddedHarness();
    const eda = await harness.uploadAndWait('city,visits\nLyon,3\nNice,5\nLyon,4\n', 'uploads/mvp/visits.csv', { journey: 'eda' });
    expect(eda).toMatchObject({ journey: 'eda', status: 'completed', parentJourneyId: null });
    expect(harness.runtime.journeys()).toHaveLength(1);
  });

  it('analyses telemetry the upload journey would refuse, finding its anomalies', async () => {
    harness = await embeddedHarness();
    const rows = ['timestamp,vehicle_id,speed_kmh,acceleration_mps2,latitude,longitude'];
    for (let s = 0; s < 120; s++) {
      const speed = s === 60 ? '420' : s === 70 ? '' : '50';
      rows.push(`${new Date(Date.UTC(2026, 0, 1, 9, 0, s)).toISOString()},AV-9,${speed},0.2,${(48 + s * 0.0001).toFixed(6)},11.5`);
    }
    const eda = await harness.uploadAndWait(rows.join('\n'), 'uploads/autonomous_vehicle/glitchy.csv', { journey: 'eda' });
    expect(eda.status).toBe('completed');
    expect(eda.steps.find((s) => s.name === 'identify_anomalies')!.summary).toMatchObject({ sensorDropouts: 1, impossibleValues: 1 });
  });

  it('fails the EDA journey with a named reason on a file that lies about its compression, leaving the original untouched', async () => {
    harness = await embeddedHarness();
    const lying = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, ...new TextEncoder().encode('a,b\n1,2\n')]);
    const key = 'uploads/mvp/data.csv.gz';
    const { journeyId } = await harness.runtime.upload({ body: lying, key, metadata: { journey: 'eda' } });
    const before = await harness.sha256(harness.runtime.config.uploadBucket, key);
    await harness.runtime.idle();
    const eda = harness.runtime.journey(journeyId)!;
    expect(eda).toMatchObject({ status: 'failed' });
    expect(eda.error?.code).toMatch(/^(bad_compression|truncated_input)$/);
    expect(eda.steps[0]).toMatchObject({ name: 'load_data', status: 'failed', attempts: 1 });
    expect(await harness.sha256(harness.runtime.config.uploadBucket, key)).toBe(before);
  });

  it("fails on a file that is not tabular at all, with the upload journey's code", async () => {
    harness = await embeddedHarness();
    const binary = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    const eda = await harness.uploadAndWait(binary, 'uploads/mvp/picture.csv', { journey: 'eda' });
    expect(eda.status).toBe('failed');
    expect(eda.error).toMatchObject({ code: 'binary_file' });
    expect(eda.error?.message).toContain('binary data');
  });
});
