import { afterEach, describe, expect, it } from 'vitest';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { flakyUseCase } from '../../support/test-use-cases.js';

describe('the journal', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('lets a restarted runtime resume a journey that was in flight', async () => {
    const registry = () => defaultUseCaseRegistry([flakyUseCase(0)]);
    harness = embeddedHarness({ registry: registry() });
    const { journeyId } = await harness.runtime.upload({ body: 'l1\nl2\n', key: 'uploads/flaky_lab/interrupted.txt' });
    // Stop before any function has run: only the Object Created event is journaled.
    const reopened = harness.reopen({ registry: registry() });
    expect(reopened.journey(journeyId)).toBeUndefined();
    await reopened.idle();
    expect(reopened.journey(journeyId)?.status).toBe('completed');
  });

  it('keeps finished journeys visible after a restart, without running them again', async () => {
    harness = embeddedHarness({ registry: defaultUseCaseRegistry([flakyUseCase(0)]) });
    const view = await harness.uploadAndWait('a\n', 'uploads/flaky_lab/done.txt');
    const eventsBefore = harness.runtime.events(view.journeyId).length;
    const reopened = harness.reopen({ registry: defaultUseCaseRegistry([flakyUseCase(0)]) });
    await reopened.idle();
    expect(reopened.journey(view.journeyId)?.status).toBe('completed');
    expect(reopened.events(view.journeyId)).toHaveLength(eventsBefore);
  });
});
