import { describe, expect, it } from 'vitest';
import { insuranceAiUseCase } from '#domain/use-cases/insurance-ai/index.js';
import { INSURANCE_ARTIFACTS } from '#domain/use-cases/insurance-ai/names.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { HAND_WRITTEN_CSV } from './hand-written-extract.js';

/** The same extract as a report writer pads it: every name in its header surrounded by spaces. */
const [header, ...rows] = HAND_WRITTEN_CSV.split('\n');
const PADDED = [
  header!
    .split(',')
    .map((name, i) => `${' '.repeat(i % 3)}${name}${' '.repeat((i + 1) % 2)}`)
    .join(','),
  ...rows,
].join('\n');

describe('insurance_ai validation of an extract with padded column names', () => {
  it('reads every field by its trimmed name: the records equal those of the unpadded file', async () => {
    const plain = await runJourneySteps(insuranceAiUseCase, 'upload', HAND_WRITTEN_CSV, { key: 'uploads/insurance_ai/extract.csv' });
    const padded = await runJourneySteps(insuranceAiUseCase, 'upload', PADDED, { key: 'uploads/insurance_ai/extract.csv' });
    expect(PADDED).not.toBe(HAND_WRITTEN_CSV);
    expect(padded.ndjson(INSURANCE_ARTIFACTS.normalizedRecords)).toEqual(plain.ndjson(INSURANCE_ARTIFACTS.normalizedRecords));
    expect(padded.ndjson(INSURANCE_ARTIFACTS.normalizedRecords).length).toBeGreaterThan(5);
  });
});

/** A policy system's JSON export, whose keys keep the spaces its report layout gave them. */
const exportLines = (pad: (name: string) => string) =>
  [
    { policy_number: 'P1', holder_name: 'Ada Byron', line_of_business: 'HOME', state: 'NY', effective_date: '2023-04-01', premium: '1200.00' },
    { policy_number: 'P2', holder_name: 'Alan Turing', line_of_business: 'AUTO', state: 'CA', effective_date: '2024-01-15', premium: '800.50' },
  ]
    .map((record) => JSON.stringify(Object.fromEntries(Object.entries(record).map(([name, value]) => [pad(name), value]))))
    .join('\n');

describe('insurance_ai validation of an NDJSON export with padded keys', () => {
  it('reads every field by its trimmed key: the records equal those of the export without the padding', async () => {
    const plain = await runJourneySteps(
      insuranceAiUseCase,
      'upload',
      exportLines((name) => name),
      { key: 'uploads/insurance_ai/export.ndjson' },
    );
    const padded = await runJourneySteps(
      insuranceAiUseCase,
      'upload',
      exportLines((name) => ` ${name}  `),
      { key: 'uploads/insurance_ai/export.ndjson' },
    );
    const records = padded.ndjson(INSURANCE_ARTIFACTS.normalizedRecords);
    expect(records).toEqual(plain.ndjson(INSURANCE_ARTIFACTS.normalizedRecords));
    expect(records.map((r: { premium: number }) => r.premium)).toEqual([1200, 800.5]);
  });
});
