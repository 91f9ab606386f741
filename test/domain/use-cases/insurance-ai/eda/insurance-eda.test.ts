import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { insuranceAiUseCase } from '#domain/use-cases/insurance-ai/index.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';

/**
 * Three auto policies (premium 1,000 each) with two claims, one of them 10 days after inception;
 * two home policies (premium 500 each) with one 1,500 claim. Dates and amounts as legacy systems
 * write them.
 */
const EXTRACT = [
  'POLICY_NUMBER,HOLDER_NAME,LINE_OF_BUSINESS,STATE,EFFECTIVE_DATE,PREMIUM,CLAIM_ID,CLAIM_DATE,CLAIM_AMOUNT,CLAIM_STATUS,EMAIL',
  'P1,Ann,AUTO,TX,20240101,"$1,000.00",C1,20240111,600.00,PD,ann@example.com',
  'P1,Ann,AUTO,TX,20240101,"$1,000.00",C2,03/01/24,0000400.00,op,ann@example.com',
  'P2,Bob,AUTO,CA,01/15/24,1000,,00000000,,,',
  'P3,Cy,auto,CA,15-JAN-2024,1000,,,,,',
  'P4,Di,HOME,TX,2023-06-01,500,C3,2024-02-01,1500,PD,di@example.com',
  'P5,Ed,HOME,TX,2023-06-01,500,C4,2024-03-01,900,DN,',
].join('\n');

const FIXED_WIDTH = [
  '#layout policy_number:1-4,line_of_business:5-8,effective_date:9-16,premium:17-24:v2,claim_id:25-27,claim_date:28-35,claim_amount:36-43:v2,claim_status:44-45',
  'P001AUTO2024010100100000C012024020100050000PD',
  `P002HOME2024010100050000${' '.repeat(21)}`,
].join('\n');

describe('insurance_ai EDA journey', () => {
  it('computes frequency, severity and loss ratio by segment, counting each premium once', async () => {
    const run = await runJourneySteps(insuranceAiUseCase, 'eda', EXTRACT, { upTo: 'analyze_data_patterns' });
    const formats = run.json('legacy-formats.json');
    expect(formats).toMatchObject({ sourceFormat: 'delimited', records: 6, sentinelDates: 1, unevenCodes: 2 });
    expect(formats.dateFormats).toMatchObject({ YYYYMMDD: 3, 'MM/DD/YY': 2, 'DD-MON-YYYY': 1, ISO: 4 });
    const segments = run.json('segment-analysis.json');
    const byLine = Object.fromEntries(segments.byLineOfBusiness.map((s: { segment: string }) => [s.segment, s]));
    expect(byLine.AUTO).toMatchObject({
      policies: 3,
      premium: 3000,
      claims: 2,
      incurredClaims: 2,
      incurred: 1000,
      frequency: 0.6667,
      severity: 500,
      lossRatio: 0.3333,
    });
    // The denied claim counts as a claim, not as a loss.
    expect(byLine.HOME).toMatchObject({ policies: 2, premium: 1000, claims: 2, incurredClaims: 1, incurred: 1500, lossRatio: 1.5 });
    expect(segments.portfolio).toMatchObject({ policies: 5, premium: 4000, claims: 4, incurred: 2500, lossRatio: 0.625 });
    expect(segments.earlyClaims).toBe(1);
    expect(segments.claimStatus).toEqual({ PD: 2, DN: 1, OP: 1 });
  });

  it('ranks AI opportunities with evidence and writes business insights and the report', async () => {
    const run = await runJourneySteps(insuranceAiUseCase, 'eda', EXTRACT);
    const opportunities = run.json('ai-opportunities.json');
    expect(opportunities).toHaveLength(5);
    expect(opportunities.map((o: { score: number }) => o.score)).toEqual([...opportunities.map((o: { score: number }) => o.score)].sort((a, b) => b - a));
    const pricing = opportunities.find((o: { id: string }) => o.id === 'risk_based_pricing');
    // Two claims per line are luck, not risk: no spread is claimed from them.
    expect(pricing).toMatchObject({ value: 0, score: 0 });
    expect(pricing.evidence).toContain('too little history');
    const insights = run.text('business-insights.md');
    expect(insights).toContain('Homeowners loses money on claims');
    expect(insights).toContain('Portfolio loss ratio 63%');
    const html = run.text('report.html');
    for (const title of ['Business insights', 'Claims by segment', 'AI opportunities']) expect(html).toContain(title);
    // Claim columns empty on policy-only lines are the extract's shape, not a data-quality alarm.
    const findings = run.json('insights.json');
    expect(
      findings
        .filter((f: { kind: string; columns: string[]; severity: string }) => f.kind === 'high_missingness' && f.columns[0] === 'claim_id')
        .map((f: { severity: string }) => f.severity),
    ).toEqual(['info']);
  });

  it('reads fixed-width extracts through their #layout line, implied decimals included', async () => {
    const run = await runJourneySteps(insuranceAiUseCase, 'eda', FIXED_WIDTH, { key: 'uploads/insurance_ai/extract.dat', upTo: 'analyze_data_patterns' });
    expect(run.json('legacy-formats.json')).toMatchObject({ sourceFormat: 'fixed-width', records: 2 });
    expect(run.json('segment-analysis.json').portfolio).toMatchObject({ policies: 2, premium: 1500, claims: 1, incurred: 500 });
    const premium = run.json('profile.json').columns.find((c: { name: string }) => c.name === 'premium');
    expect(premium).toMatchObject({ min: 500, max: 1000 });
    expect(['integer', 'float']).toContain(premium.type);
  });

  it('refuses an extract without the fields the analysis needs, and a broken layout', async () => {
    const missing = await runJourneySteps(insuranceAiUseCase, 'eda', 'policy_number,state\nP1,TX\n').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StepRejection);
    expect(missing).toMatchObject({ code: 'missing_fields' });
    expect((missing as StepRejection).message).toMatch(/premium, claim_id/);
    const layout = await runJourneySteps(insuranceAiUseCase, 'eda', '#layout policy_number:1-4,premium:3-8\nP001000100\n').catch((e: unknown) => e);
    expect(layout).toMatchObject({ code: 'invalid_layout' });
  });
});
