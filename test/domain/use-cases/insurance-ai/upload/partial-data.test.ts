import { describe, expect, it } from 'vitest';
import type { FieldMapping } from '#domain/fields/index.js';
import { insuranceAiUseCase } from '#domain/use-cases/insurance-ai/index.js';
import type { InsuranceRecord } from '#domain/use-cases/insurance-ai/upload/insurance-record.js';
import { runJourneySteps, type StepsRun } from '../../../../support/run-journey-steps.js';

/**
 * A claims administrator's register with its own names and no premium, holder or effective date.
 * AUTO: paid 1000 + 250 = 1250, reserves 500 + 0 -> incurred 1750.
 * HOME: paid 4000 + 0 = 4000, reserves 0 + 3000 -> incurred 7000.
 */
const CLAIMS_REGISTER = [
  'policy_no,claim_id,line_of_business,loss_date,report_date,paid_amount,reserve_amount,claimant_email,claimant_ssn,phone,state',
  'P1,C1,AUTO,2024-03-01,2024-03-05,1000.00,500.00,ann@example.com,111-22-3333,(212) 555-0101,NY',
  'P1,C2,AUTO,2024-06-10,2024-07-10,250.00,0.00,ann@example.com,111-22-3333,(212) 555-0101,NY',
  'P2,C3,HOME,2023-11-20,2023-11-21,4000.00,0.00,bo@example.org,222-33-4444,713-555-0102,TX',
  'P3,C4,HOME,2024-01-15,2024-02-14,0.00,3000.00,,333-44-5555,,TX',
  '',
].join('\n');

/** A European policy register: semicolons, decimal commas, day-first dates, no claims. Premium 1234.56 + 800 + 12000 = 14034.56. */
const POLICY_REGISTER = [
  'POL_NO;INSURED_NM;PREM;INCEPT_DATE;LOB;ST',
  'P1;POE, ANN;1.234,56;15.01.2024;AUTO;NY',
  'P2;LI, BO;800,00;01.02.2023;HOME;TX',
  'P3;TWOMBLY, CY;12.000,00;31.12.2022;COMM;TX',
  '',
].join('\n');

const upload = (body: string, name: string) => runJourneySteps(insuranceAiUseCase, 'upload', body, { key: `uploads/insurance_ai/${name}` });
const mapped = (run: StepsRun) => run.json<FieldMapping>('column-mapping.json').fields.map((f) => `${f.column}->${f.field}`);
const summaryOf = (run: StepsRun, step: string) => run.records.find((r) => r.name === step)!.summary;

describe('insurance_ai on a claims-only register with vendor column names', () => {
  it('maps every vendor column to its field and says which fields are absent and what that leaves out', async () => {
    const run = await upload(CLAIMS_REGISTER, 'claims.csv');
    expect(mapped(run)).toEqual([
      'policy_no->policy_number',
      'claimant_ssn->national_id',
      'claimant_email->email',
      'phone->phone',
      'line_of_business->line_of_business',
      'state->state',
      'claim_id->claim_id',
      'loss_date->claim_date',
      'report_date->reported_date',
      'paid_amount->claim_amount',
      'reserve_amount->reserve_amount',
    ]);
    const report = run.json('validation-report.json');
    expect(report).toMatchObject({ status: 'valid', shape: 'claims register', records: 4, policies: 3, claims: 4 });
    expect(report.columns.absent.map((a: { field: string }) => a.field)).toEqual(['holder_name', 'effective_date', 'premium', 'claim_status']);
    expect(report.columns.absent.find((a: { field: string }) => a.field === 'premium').withoutIt).toMatch(/no written premium, loss ratio/);
    const [first] = run.ndjson<InsuranceRecord>('records.normalized.ndjson');
    expect(first).toMatchObject({
      policy_number: 'P1',
      claim_date: '2024-03-01',
      reported_date: '2024-03-05',
      claim_amount: 1000,
      reserve_amount: 500,
      premium: null,
      holder_name: null,
      effective_date: null,
    });
  });

  it('partitions by loss year and counts paid plus reserves as incurred, with no written premium', async () => {
    const run = await upload(CLAIMS_REGISTER, 'claims.csv');
    const lake = run.json('partitions.json');
    expect(lake.partitionSources).toEqual({ lob: 'line_of_business', year: 'claim_date' });
    expect(lake.notes).toEqual(['the file has no effective dates: records are partitioned by the year of loss']);
    expect(lake.partitions.map((p: { path: string }) => p.path)).toEqual(['lob=AUTO/year=2024', 'lob=HOME/year=2023', 'lob=HOME/year=2024']);
    const paid = lake.partitions.reduce((sum: number, p: { paidLosses: number }) => sum + p.paidLosses, 0);
    expect(paid).toBe(1000 + 250 + 4000 + 0);
    expect(lake.partitions.reduce((sum: number, p: { incurredLosses: number }) => sum + p.incurredLosses, 0)).toBe(paid + 500 + 3000);
    expect(lake.partitions.every((p: { writtenPremium: unknown }) => p.writtenPremium === null)).toBe(true);
    expect(lake.figuresLeftOut).toEqual([{ figure: 'written premium', because: 'the file has no premium' }]);
  });

  it('leaves the loss ratio, repricing and loyalty out and says why, instead of a 0 or NaN', async () => {
    const run = await upload(CLAIMS_REGISTER, 'claims.csv');
    const opportunities = run.json('opportunities.json');
    expect(opportunities.lossRatioByLine).toEqual([
      { lineOfBusiness: 'AUTO', policies: 1, claims: 2, writtenPremium: null, incurredLosses: 1750, lossRatio: null },
      { lineOfBusiness: 'HOME', policies: 2, claims: 2, writtenPremium: null, incurredLosses: 7000, lossRatio: null },
    ]);
    expect(opportunities.leftOut).toContainEqual({ figure: 'loss ratio', because: 'the file has no premium' });
    expect(opportunities.leftOut).toContainEqual({ figure: 'repricing by line of business (it needs loss ratios)', because: 'the file has no premium' });
    expect(opportunities.leftOut.map((l: { figure: string }) => l.figure)).toContain('loyalty offer to claim-free policies');
    expect(opportunities.opportunities.map((o: { kind: string }) => o.kind)).not.toContain('repricing');
    expect(run.text('opportunities.md')).toContain('- no loss ratio: the file has no premium');
    expect(summaryOf(run, 'identify_monetization')['leftOut']).toMatch(/^no loss ratio: the file has no premium; /);
    expect(JSON.stringify(opportunities)).not.toMatch(/NaN|Infinity/);
  });

  it('masks the claimant’s SSN, email and phone, and scores only the columns the file has', async () => {
    const run = await upload(CLAIMS_REGISTER, 'claims.csv');
    const pii = run.json('pii-report.json');
    expect(pii.maskedColumns.map((c: { column: string }) => c.column).sort()).toEqual(['email', 'national_id', 'phone']);
    expect(pii.notInFile.map((f: { field: string }) => f.field)).toEqual(['holder_name']);
    const masked = run.text('records.masked.ndjson');
    for (const raw of ['111-22-3333', 'ann@example.com', '(212) 555-0101']) expect(masked).not.toContain(raw);
    const scored = run.json('feature-readiness.json').columns.map((c: { column: string }) => c.column);
    expect(scored).not.toContain('premium');
    expect(scored).not.toContain('holder_name');
    expect(scored).toContain('reserve_amount');
  });

  it('tells the uploader what the file lacked and what was left out', async () => {
    const run = await upload(CLAIMS_REGISTER, 'claims.csv');
    const summaries = Object.fromEntries(run.records.map((r) => [r.name, r.summary]));
    const notice = insuranceAiUseCase.describeDelivery!({
      journeyId: 'j-test',
      useCase: 'insurance_ai',
      journey: 'upload',
      inputKey: 'uploads/insurance_ai/claims.csv',
      outcome: 'completed',
      summaries,
    });
    expect(notice.message).toContain('(3 policies, 4 claims), csv format, a claims register');
    expect(notice.message).toContain('- Not in the file: holder_name, effective_date, premium, claim_status');
    expect(notice.message).toContain('- Left out: no loss ratio: the file has no premium');
  });

  it('runs the EDA journey through the same mapping, with incurred losses and reporting lag but no loss ratio', async () => {
    const run = await runJourneySteps(insuranceAiUseCase, 'eda', CLAIMS_REGISTER, { key: 'uploads/insurance_ai/claims.csv' });
    expect(mapped(run)).toContain('paid_amount->claim_amount');
    const segments = run.json('segment-analysis.json');
    expect(segments.portfolio).toMatchObject({ policies: 3, premium: null, claims: 4, incurred: 8750, lossRatio: null });
    expect(segments.byEffectiveYear).toEqual([]);
    expect(segments.earlyClaims).toBeNull();
    expect(segments.reportingLagDays.count).toBe(4);
    expect(segments.leftOut).toContainEqual({ figure: 'written premium or loss ratio', because: 'the file has no premium' });
    expect(run.text('business-insights.md')).toContain('**No written premium or loss ratio.** Not computed: the file has no premium.');
    expect(run.json('legacy-formats.json')).toMatchObject({ shape: 'claims register', records: 4 });
  });
});

describe('insurance_ai on a semicolon policy register with decimal commas', () => {
  it('maps POL_NO, INSURED_NM, PREM, INCEPT_DATE, LOB and ST, and reads decimal commas and day-first dates', async () => {
    const run = await upload(POLICY_REGISTER, 'policies.csv');
    expect(mapped(run)).toEqual([
      'POL_NO->policy_number',
      'INSURED_NM->holder_name',
      'LOB->line_of_business',
      'ST->state',
      'INCEPT_DATE->effective_date',
      'PREM->premium',
    ]);
    const records = run.ndjson<InsuranceRecord>('records.normalized.ndjson');
    expect(records.map((r) => [r.premium, r.effective_date])).toEqual([
      [1234.56, '2024-01-15'],
      [800, '2023-02-01'],
      [12000, '2022-12-31'],
    ]);
    expect(summaryOf(run, 'validate_legacy_data')).toMatchObject({ shape: 'policy register', policies: 3, claims: null });
    expect(run.json('validation-report.json').conventions.amounts).toMatch(/^decimal commas/);
  });

  it('reports written premium but no losses: a policy register says nothing about claims', async () => {
    const run = await upload(POLICY_REGISTER, 'policies.csv');
    const lake = run.json('partitions.json');
    expect(lake.partitions.reduce((sum: number, p: { writtenPremium: number }) => sum + p.writtenPremium, 0)).toBeCloseTo(14034.56, 2);
    expect(lake.partitions.every((p: { claims: unknown; incurredLosses: unknown }) => p.claims === null && p.incurredLosses === null)).toBe(true);
    const opportunities = run.json('opportunities.json');
    expect(opportunities.lossRatioByLine.every((l: { lossRatio: unknown; incurredLosses: unknown }) => l.lossRatio === null && l.incurredLosses === null)).toBe(
      true,
    );
    expect(opportunities.leftOut).toContainEqual({ figure: 'loss ratio', because: 'the file has no claims (no claim id column)' });
    expect(opportunities.leftOut).toContainEqual({ figure: 'loyalty offer to claim-free policies', because: 'the file has no claims (no claim id column)' });
    expect(opportunities.leftOut).toContainEqual({ figure: 'fraud review of claims', because: 'the file has no claims (no claim id column)' });
    expect(opportunities.opportunities.map((o: { kind: string }) => o.kind)).not.toContain('loyalty');
  });

  it('runs the EDA journey with premium by segment and no claim figures', async () => {
    const run = await runJourneySteps(insuranceAiUseCase, 'eda', POLICY_REGISTER, { key: 'uploads/insurance_ai/policies.csv' });
    const segments = run.json('segment-analysis.json');
    expect(segments.portfolio).toMatchObject({ policies: 3, premium: 14034.56, claims: null, incurred: null, frequency: null, lossRatio: null });
    expect(segments.byState.map((s: { segment: string; premium: number }) => [s.segment, s.premium])).toEqual([
      ['TX', 12800],
      ['NY', 1234.56],
    ]);
    expect(segments.leftOut.map((l: { because: string }) => l.because)).toEqual(['the file has no claims (no claim id column)']);
    const profile = run.json('profile.json');
    expect(profile.columns.find((c: { name: string }) => c.name === 'premium')).toMatchObject({ min: 800, max: 12000 });
  });
});

describe('insurance_ai on a fixed-width claims extract whose layout uses other names', () => {
  const layout = '#layout POLNUM:1-4,CLM_NO:5-7,LOSS_DT:8-15,PAID_AMT:16-23:v2,CLM_STAT:24-25';
  const body = `${layout}\nP001C012024020100050000PD\nP002C022024030100120000OP\n`;

  it('maps the layout fields and reads implied decimals through the mapping', async () => {
    const run = await upload(body, 'claims.dat');
    expect(mapped(run)).toEqual(['POLNUM->policy_number', 'CLM_NO->claim_id', 'LOSS_DT->claim_date', 'PAID_AMT->claim_amount', 'CLM_STAT->claim_status']);
    const records = run.ndjson<InsuranceRecord>('records.normalized.ndjson');
    expect(records.map((r) => [r.claim_id, r.claim_date, r.claim_amount, r.claim_status])).toEqual([
      ['C01', '2024-02-01', 500, 'PD'],
      ['C02', '2024-03-01', 1200, 'OP'],
    ]);
    expect(run.json('partitions.json').partitions.map((p: { path: string; incurredLosses: number }) => [p.path, p.incurredLosses])).toEqual([
      ['lob=__HIVE_DEFAULT_PARTITION__/year=2024', 1700],
    ]);
  });
});
