import { afterEach, describe, expect, it } from 'vitest';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { flakyUseCase } from '../../support/test-use-cases.js';

describe('a fourth use case, registered without touching managers, runtime or routing', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('runs its upload journey, passes artifacts between steps, and starts its follow-on journey', async () => {
    const lab = flakyUseCase(0);
    harness = await embeddedHarness({ registry: defaultUseCaseRegistry([lab]) });
    const view = await harness.uploadAndWait('a\nb\nc\n', 'uploads/flaky_lab/three-lines.txt');

    expect(view.status).toBe('completed');
    expect(view.steps.map((s) => [s.name, s.status])).toEqual([
      ['flaky_lab_count_lines', 'completed'],
      ['flaky_lab_unreliable_step', 'completed'],
    ]);
    const doubled = view.artifacts.find((a) => a.name === 'doubled.json')!;
    expect(JSON.parse(await harness.text(doubled.bucket, doubled.key))).toEqual({ doubled: 6 });
    expect(view.delivery?.followOn).toEqual(['recount']);

    const followOn = harness.runtime.journeys().find((j) => j.parentJourneyId === view.journeyId);
    expect(followOn).toMatchObject({ useCase: 'flaky_lab', journey: 'recount', status: 'completed' });
  });

  it('routes by metadata when the key carries no use case', async () => {
    harness = await embeddedHarness({ registry: defaultUseCaseRegistry([flakyUseCase(0)]) });
    const view = await harness.uploadAndWait('x\n', 'uploads/whatever.txt', { 'use-case': 'flaky_lab' });
    expect(view).toMatchObject({ useCase: 'flaky_lab', status: 'completed' });
  });
});
