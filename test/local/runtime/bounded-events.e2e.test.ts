import { afterEach, describe, expect, it } from 'vitest';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import { MAX_EVENT_BYTES } from '#events/event-size.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

/** A use case whose one step returns what it is told to: a huge summary, or a huge error. */
function loudUseCase(behaviour: 'huge-summary' | 'huge-rejection'): UseCaseModule {
  return {
    id: 'loud_lab',
    title: 'Loud lab (tests only)',
    journeys: {
      upload: [
        {
          name: 'loud_lab_step',
          description: 'says too much',
          async run() {
            const columns = Array.from({ length: 100_000 }, (_, i) => `column_${i}`);
            if (behaviour === 'huge-rejection')
              throw new StepRejection(
                'bad_everything',
                `every column is bad: ${columns.join(', ')}`,
                columns.map((c) => `${c}: bad ${'!'.repeat(2_000)}`),
              );
            return { summary: { rows: 1, columnNames: columns.join(',') } };
          },
        },
      ],
    },
    samples: () => [],
  };
}

describe('events stay within the bus limit whatever a step produces', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('fails the journey with step_result_too_large, naming the summary entry, instead of leaving it running', async () => {
    harness = await embeddedHarness({ registry: defaultUseCaseRegistry([loudUseCase('huge-summary')]) });
    const view = await harness.uploadAndWait('a\n1\n', 'uploads/loud_lab/wide.csv');
    expect(view.status).toBe('failed');
    expect(view.error).toMatchObject({ code: 'step_result_too_large', message: expect.stringContaining('loud_lab_step completed, but its summary') });
    expect(view.error!.details![0]).toMatch(/^summary\.columnNames: \d+ bytes$/);
    expect(harness.runtime.deadLetters()).toEqual([]);
  });

  it('carries a huge rejection cut to size, with how much was cut', async () => {
    harness = await embeddedHarness({ registry: defaultUseCaseRegistry([loudUseCase('huge-rejection')]) });
    const view = await harness.uploadAndWait('a\n1\n', 'uploads/loud_lab/wide.csv');
    expect(view.status).toBe('failed');
    expect(view.error!.code).toBe('bad_everything');
    expect(view.error!.message).toMatch(/… \(\d+ more characters\)$/);
    expect(view.error!.details).toHaveLength(101);
    expect(view.error!.details!.at(-1)).toBe('… and 99900 more');
    for (const event of harness.runtime.events(view.journeyId)) expect(JSON.stringify(event).length).toBeLessThan(MAX_EVENT_BYTES / 4);
  });

  it('runs a 100,000-column CSV through the whole mvp upload journey', async () => {
    harness = await embeddedHarness();
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const row = Array.from({ length: 100_000 }, (_, i) => String(i)).join(',');
    const view = await harness.uploadAndWait(`${header}\n${row}\n`, 'uploads/mvp/wide.csv');
    expect(view.status, JSON.stringify(view.error)).toBe('completed');
    const processed = view.steps.find((s) => s.name === 'process_file')!;
    expect(processed.summary['columns']).toBe(100_000);
    expect(processed.summary['columnTypes']).toMatch(/ and 99950 more \(every column is in schema\.json\)$/);
  }, 60_000);
});
