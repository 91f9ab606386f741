import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insuranceAiUseCase } from '#domain/use-cases/insurance-ai/index.js';
import type { DeliverySummary } from '#domain/use-cases/use-case-module.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { HAND_WRITTEN_CSV } from './hand-written-extract.js';

const base = { journeyId: 'j-1', useCase: 'insurance_ai', journey: 'upload', inputKey: 'uploads/insurance_ai/extract.csv' };

describe('insurance_ai delivery notice', () => {
  it('tells a completed run its records, partitions, masked PII and top opportunity', async () => {
    const result = await runJourneySteps(insuranceAiUseCase, 'upload', HAND_WRITTEN_CSV);
    const summary: DeliverySummary = { ...base, outcome: 'completed', summaries: Object.fromEntries(result.records.map((r) => [r.name, r.summary])) };
    const notice = insuranceAiUseCase.describeDelivery!(summary);
    expect(notice.subject).toBe(
      'Insurance extract extract.csv processed: 7 records, 5 lake partitions; top opportunity: Reprice Homeowners (HOME): loss ratio 95.0%',
    );
    expect(notice.message).toContain('7 lines (6 policies, 6 claims), csv format');
    expect(notice.message).toContain('PII masked: 4 columns (holder_name, national_id, email, phone)');
    expect(notice.message).toContain('(estimated 1,385 a year)');
  });

  it('tells a rejected run why and how to fix it', () => {
    const notice = insuranceAiUseCase.describeDelivery!({
      ...base,
      outcome: 'failed',
      summaries: {},
      error: {
        code: 'invalid_dates',
        message: 'the extract has 1 problem(s) (1 invalid_dates); first at line 5: effective_date "2024-02-30" is not a valid date',
      },
    });
    expect(notice.subject).toBe('Insurance extract extract.csv was not processed: invalid dates');
    expect(notice.message).toContain('line 5: effective_date "2024-02-30"');
    expect(notice.message).toContain('How to fix it: Use YYYYMMDD');
  });
});

describe('insurance_ai determinism', () => {
  it('writes byte-identical artifacts for the same input', async () => {
    const sample = insuranceAiUseCase.samples(7)[1]!;
    const [a, b] = await Promise.all([runJourneySteps(insuranceAiUseCase, 'upload', sample.body), runJourneySteps(insuranceAiUseCase, 'upload', sample.body)]);
    // Every object written, lake partition files included, not only those a step's result names.
    const digests = async (run: typeof a) => {
      const keys = (await run.store.list(run.config.artifactBucket, '')).map((o) => o.key).sort();
      return keys.map((key) => `${key} ${createHash('sha256').update(run.store.text(run.config.artifactBucket, key)!).digest('hex')}`);
    };
    expect(await digests(a)).toEqual(await digests(b));
    expect((await digests(a)).length).toBeGreaterThan(10);
  });
});
