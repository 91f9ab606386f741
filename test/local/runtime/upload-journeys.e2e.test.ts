import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { builtInUseCases } from '#domain/use-cases/default-registry.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

const sha = (body: string | Uint8Array) => createHash('sha256').update(body).digest('hex');

describe('the upload journey of every use case, from an upload to Journey Delivered', () => {
  let harness: Harness;
  const views = new Map<string, JourneyView>();
  const bodies = new Map<string, string>();

  beforeAll(async () => {
    harness = await embeddedHarness();
    for (const useCase of builtInUseCases) {
      const sample = useCase.samples(11).find((s) => s.expect.status === 'completed')!;
      const key = `uploads/${useCase.id}/${sample.fileName}`;
      bodies.set(useCase.id, sample.body);
      const { journeyId } = await harness.runtime.upload({ body: sample.body, key });
      views.set(useCase.id, { journeyId } as JourneyView);
    }
    await harness.runtime.idle();
    for (const [useCase, { journeyId }] of views) views.set(useCase, harness.runtime.journey(journeyId)!);
  });
  afterAll(() => harness.close());

  const artifactText = async (view: JourneyView, name: string) => {
    const ref = view.artifacts.find((a) => a.name === name);
    if (!ref) throw new Error(`${view.useCase} left no ${name}; it left ${view.artifacts.map((a) => a.name).join(', ')}`);
    const text = await harness.text(ref.bucket, ref.key);
    expect(sha(text)).toBe(ref.sha256);
    return text;
  };

  it.each(builtInUseCases.map((u) => u.id))('%s: completes every step in order, leaves the upload untouched and delivers once', async (useCase) => {
    const view = views.get(useCase)!;
    expect(view.status).toBe('completed');
    expect(view.steps.map((s) => s.name)).toEqual(harness.runtime.registry.journeySteps(useCase, 'upload'));
    for (const step of view.steps) {
      expect(step.status).toBe('completed');
      expect(step.artifacts.length, `${step.name} left no artifact`).toBeGreaterThan(0);
    }
    expect(await harness.sha256(view.input!.bucket, view.input!.key)).toBe(sha(bodies.get(useCase)!));

    const manifest = JSON.parse(await harness.text(harness.runtime.config.artifactBucket, view.delivery!.manifestKey!));
    expect(manifest.steps.map((s: { name: string }) => s.name)).toEqual(view.steps.map((s) => s.name));
    const artifactsInManifest = manifest.steps.flatMap((s: { artifacts: { sha256: string }[] }) => s.artifacts.map((a) => a.sha256));
    expect(artifactsInManifest).toEqual(view.artifacts.map((a) => a.sha256));
    expect(view.delivery!.subject.length).toBeGreaterThan(5);
  });

  it('mvp: the curated copy holds every input row, typed, under the dated curated layout', async () => {
    const view = views.get('mvp')!;
    const curated = view.artifacts.find((a) => a.name === 'curated.ndjson')!;
    expect(curated.key).toMatch(new RegExp(`^curated/mvp/\\d{4}/\\d{2}/\\d{2}/${view.journeyId}/`));
    const manifest = JSON.parse(await artifactText(view, 'curated-manifest.json'));
    const rows = (await artifactText(view, 'curated.ndjson')).trim().split('\n');
    expect(rows).toHaveLength(manifest.rows);
    expect(manifest.curated.sha256).toBe(curated.sha256);
    expect(manifest.source.sha256).toBe(sha(bodies.get('mvp')!));
  });

  it('autonomous_vehicle: the coverage matrix adds up and the test plan names what the data misses', async () => {
    const view = views.get('autonomous_vehicle')!;
    const plan = JSON.parse(await artifactText(view, 'test-plan.json'));
    expect(JSON.stringify(plan)).toMatch(/snow/i);
    const coverage = await artifactText(view, 'coverage-matrix.csv');
    expect(coverage.split('\n').length).toBeGreaterThan(5);
  });

  it('insurance_ai: the masked records hold no raw PII from the upload', async () => {
    const view = views.get('insurance_ai')!;
    const masked = await artifactText(view, 'records.masked.ndjson');
    const emails = bodies.get('insurance_ai')!.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? [];
    expect(emails.length).toBeGreaterThan(10);
    for (const email of emails.slice(0, 50)) expect(masked).not.toContain(email);
    const opportunities = JSON.parse(await artifactText(view, 'opportunities.json'));
    expect(JSON.stringify(opportunities)).toMatch(/loss ratio/i);
  });
});
