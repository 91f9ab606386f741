import { describe, expect, it } from 'vitest';
import { insuranceAiUseCase } from '#domain/use-cases/insurance-ai/index.js';
import { INSURANCE_ARTIFACTS } from '#domain/use-cases/insurance-ai/names.js';
import type { RecordTallies } from '#domain/use-cases/insurance-ai/upload/record-tallies.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { HAND_WRITTEN_CSV } from './hand-written-extract.js';

/**
 * A second shape: a claims administrator's semicolon export with its own names and no premium.
 * Nine AUTO claims of 90-130 and one of 95,000. Sorted, Q1 lies a quarter of the way from 100 to
 * 105 (101.25) and Q3 three quarters from 120 to 125 (123.75): the fence is 123.75 + 3 x 22.5 =
 * 191.25, and only C10 lies beyond it.
 */
const CLAIMS_EXPORT = [
  'POLICY;CLAIM;LOB;LOSS_DT;PAID;MAIL',
  ...[100, 120, 110, 90, 130, 105, 115, 125, 95].map((paid, i) => `P${i + 1};C${i + 1};AUTO;2024-03-0${i + 1};${paid},00;h${i + 1}@example.com`),
  'P10;C10;AUTO;2024-03-10;95000,00;h10@example.com',
  '',
].join('\n');

const DOWNSTREAM = [INSURANCE_ARTIFACTS.opportunitiesJson, INSURANCE_ARTIFACTS.opportunitiesMarkdown];

describe.each([
  ['a hand-written policies-and-claims extract', HAND_WRITTEN_CSV, 'extract.csv'],
  ['a semicolon claims export with vendor names', CLAIMS_EXPORT, 'claims.txt'],
])('insurance_ai record tallies on %s', (_what, body, file) => {
  const upload = (hidden?: string[]) =>
    runJourneySteps(insuranceAiUseCase, 'upload', body, { key: `uploads/insurance_ai/${file}`, journeyId: 'j-tally', hidden });

  it('process_data_lake leaves the tallies of every normalized record, so masking and the fraud review need no pass of their own', async () => {
    const run = await upload();
    const tallies = run.json<RecordTallies>(INSURANCE_ARTIFACTS.recordTallies);
    expect(tallies.records).toBe(run.ndjson(INSURANCE_ARTIFACTS.normalizedRecords).length);
    expect(tallies.columns.map((c) => c.column)).not.toContain('source_line');
    expect(tallies.columns.filter((c) => c.pii.maskAs !== null).map((c) => c.column)).toEqual(
      run
        .json(INSURANCE_ARTIFACTS.piiReport)
        .columns.filter((c: { maskAs: string | null }) => c.maskAs !== null)
        .map((c: { column: string }) => c.column),
    );
  });

  it('a journey whose earlier steps left no tallies (an older release, then redriven) gets the same results from a pass of its own', async () => {
    const withTallies = await upload();
    const without = await upload([INSURANCE_ARTIFACTS.recordTallies]);
    expect(() => without.json(INSURANCE_ARTIFACTS.recordTallies)).toThrow(/no artifact/);
    for (const name of DOWNSTREAM) expect(without.text(name), name).toBe(withTallies.text(name));
  });
});

describe('insurance_ai fraud review against the fences an earlier step set', () => {
  it('flags the far-out claim of its line and no other', async () => {
    const run = await runJourneySteps(insuranceAiUseCase, 'upload', CLAIMS_EXPORT, { key: 'uploads/insurance_ai/claims.txt' });
    expect(run.json<RecordTallies>(INSURANCE_ARTIFACTS.recordTallies).claimFences).toEqual([{ lineOfBusiness: 'AUTO', fence: 191.25 }]);
    const candidates = run.json(INSURANCE_ARTIFACTS.opportunitiesJson).fraudCandidates as { claimId: string; amountOutlier: boolean }[];
    expect(candidates.map((c) => [c.claimId, c.amountOutlier])).toEqual([['C10', true]]);
  });
});
