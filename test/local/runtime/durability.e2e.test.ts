import { afterEach, describe, expect, it } from 'vitest';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { flakyUseCase } from '../../support/test-use-cases.js';

describe('the journal', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('lets a restarted runtime resume a journey that was in flight', async () => {
    const registry = () => defaultUseCaseRegistry([flakyUseCase(0)]);
    harness = await embeddedHarness({ registry: registry() });
    const { journeyId } = await harness.runtime.upload({ body: 'l1\nl2\n', key: 'uploads/flaky_lab/interrupted.txt' });
    // Stop before any function has run: only the Object Created event is journaled.
    const reopened = await harness.reopen({ registry: registry() });
    expect(reopened.journey(journeyId)).toBeUndefined();
    await reopened.idle();
    expect(reopened.journey(journeyId)?.status).toBe('completed');
  });

  it('resumes a journey whose step was running when the process stopped, and runs that step again', async () => {
    let release: () => void = () => undefined;
    let stepStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (stepStarted = resolve));
    const hanging = flakyUseCase(0);
    const original = hanging.journeys.upload![1]!;
    const blocked = {
      ...original,
      run: async () => {
        stepStarted();
        await new Promise<void>((resolve) => (release = resolve));
        throw new Error('the process died');
      },
    };
    harness = await embeddedHarness({
      registry: defaultUseCaseRegistry([{ ...hanging, journeys: { ...hanging.journeys, upload: [hanging.journeys.upload![0]!, blocked] } }]),
    });
    const { journeyId } = await harness.runtime.upload({ body: 'a\nb\n', key: 'uploads/flaky_lab/crash.txt' });
    await started;
    const reopened = await harness.reopen({ registry: defaultUseCaseRegistry([flakyUseCase(0)]) });
    release();
    await reopened.idle();
    const view = reopened.journey(journeyId)!;
    expect(view.status).toBe('completed');
    expect(view.steps.map((s) => s.status)).toEqual(['completed', 'completed']);
    expect(reopened.deadLetters()).toEqual([]);
  });

  it('keeps finished journeys visible after a restart, without running them again', async () => {
    harness = await embeddedHarness({ registry: defaultUseCaseRegistry([flakyUseCase(0)]) });
    const view = await harness.uploadAndWait('a\n', 'uploads/flaky_lab/done.txt');
    const eventsBefore = harness.runtime.events(view.journeyId).length;
    const reopened = await harness.reopen({ registry: defaultUseCaseRegistry([flakyUseCase(0)]) });
    await reopened.idle();
    expect(reopened.journey(view.journeyId)?.status).toBe('completed');
    expect(reopened.events(view.journeyId)).toHaveLength(eventsBefore);
  });
});
