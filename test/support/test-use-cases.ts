import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';

/** A step that counts the input's lines and leaves the count as an artifact. */
const countLines: StepDefinition = {
  name: 'count_lines',
  description: 'counts the lines of the upload',
  async run(context) {
    const text = new TextDecoder().decode(await context.readInput());
    const lines = text.split('\n').filter((l) => l.length > 0).length;
    await context.writeJsonArtifact('line-count.json', { lines });
    return { summary: { lines } };
  },
};

/**
 * A fourth use case, registered only by tests, with a step that fails the first `failures` times
 * it runs for a journey: proves that managers, runtime and routing need no change for a new use
 * case, and drives the retry and dead-letter paths.
 */
export function flakyUseCase(failures: number, id = 'flaky_lab'): UseCaseModule & { attempts: Map<string, number> } {
  const attempts = new Map<string, number>();
  const flakyStep: StepDefinition = {
    name: `${id}_unreliable_step`,
    description: 'fails a configured number of times, then succeeds',
    async run(context) {
      const seen = (attempts.get(context.journeyId) ?? 0) + 1;
      attempts.set(context.journeyId, seen);
      if (seen <= failures) throw new Error(`simulated outage on attempt ${seen}`);
      const count = await context.readArtifactJson<{ lines: number }>('line-count.json');
      await context.writeJsonArtifact('doubled.json', { doubled: count.lines * 2 });
      return { summary: { attempt: seen } };
    },
  };
  return {
    id,
    title: 'Flaky lab (tests only)',
    journeys: {
      upload: [{ ...countLines, name: `${id}_count_lines` }, flakyStep],
      recount: [{ ...countLines, name: `${id}_recount_lines` }],
    },
    followOn: { upload: ['recount'] },
    samples: () => [],
    attempts,
  };
}
