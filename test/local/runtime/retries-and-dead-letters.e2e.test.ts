import { afterEach, describe, expect, it } from 'vitest';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { flakyUseCase } from '../../support/test-use-cases.js';

describe('failing steps', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('retries a step that throws once, and the journey completes', async () => {
    harness = await embeddedHarness({ registry: defaultUseCaseRegistry([flakyUseCase(1)]) });
    const view = await harness.uploadAndWait('one\n', 'uploads/flaky_lab/retry.txt');
    expect(view.status).toBe('completed');
    const flaky = view.steps.find((s) => s.name === 'flaky_lab_unreliable_step')!;
    expect(flaky).toMatchObject({ status: 'completed', attempts: 2 });
    expect(harness.runtime.deadLetters()).toEqual([]);
  });

  it('sends a step that always throws to its dead-letter queue and fails the journey with the reason', async () => {
    harness = await embeddedHarness({ registry: defaultUseCaseRegistry([flakyUseCase(Number.POSITIVE_INFINITY)]), config: { maxAttempts: 3 } });
    const view = await harness.uploadAndWait('one\n', 'uploads/flaky_lab/doomed.txt');

    expect(view.status).toBe('failed');
    expect(view.error?.code).toBe('step_retries_exhausted');
    expect(view.error?.message).toContain('simulated outage on attempt 3');
    expect(view.steps.find((s) => s.name === 'flaky_lab_unreliable_step')).toMatchObject({ status: 'failed', attempts: 3 });

    const deadLetters = harness.runtime.deadLetters();
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ queue: 'flaky-lab-unreliable-step', receiveCount: 3 });
    expect(deadLetters[0]!.error).toContain('simulated outage');
    expect(JSON.parse(deadLetters[0]!.body).detail.journeyId).toBe(view.journeyId);

    // The failure is delivered too: a notification saying why, and the upload left alone.
    expect(view.delivery?.message).toContain('step_retries_exhausted');
    expect(await harness.text(view.input!.bucket, view.input!.key)).toBe('one\n');
  });
});
