import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insuranceAiUseCase } from '#domain/use-cases/insurance-ai/index.js';
import { PII_HASH_SALT, saltedSha256 } from '#domain/use-cases/insurance-ai/upload/pii-masking.js';
import type { InsuranceRecord } from '#domain/use-cases/insurance-ai/upload/insurance-record.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { HAND_WRITTEN_CSV, RAW_PII } from './hand-written-extract.js';

const run = (body: string, key = 'uploads/insurance_ai/extract.csv') => runJourneySteps(insuranceAiUseCase, 'upload', body, { key, journeyId: 'j-ins' });

describe('insurance_ai upload journey over a hand-written extract', () => {
  it('declares the four steps in order', () => {
    expect(insuranceAiUseCase.id).toBe('insurance_ai');
    expect(insuranceAiUseCase.journeys['upload']!.map((s) => s.name)).toEqual([
      'validate_legacy_data',
      'process_data_lake',
      'enable_ai_operations',
      'identify_monetization',
    ]);
  });

  it('normalises legacy dates (with the two-digit pivot), codes and amounts', async () => {
    const result = await run(HAND_WRITTEN_CSV);
    const records = result.ndjson<InsuranceRecord>('records.normalized.ndjson');
    const byClaim = (id: string | null, policy: string) => records.find((r) => r.claim_id === id && r.policy_number === policy)!;
    expect(records).toHaveLength(7);
    expect(byClaim(null, 'A1')).toMatchObject({
      source_line: 2,
      effective_date: '2024-01-15',
      premium: 1000,
      claim_amount: null,
      email: 'jane.doe@example.com',
    });
    expect(byClaim('C1', 'A2')).toMatchObject({
      effective_date: '2024-01-20',
      claim_date: '2024-03-01',
      line_of_business: 'AUTO',
      state: 'NY',
      national_id: '987-65-4321',
    });
    expect(byClaim('C2', 'A3')).toMatchObject({ effective_date: '2023-03-15', premium: 2000, claim_status: 'DN' });
    expect(byClaim('C4', 'H1')).toMatchObject({ claim_date: '2024-09-01', claim_amount: 900 });
    expect(byClaim('C5', 'H2')).toMatchObject({ effective_date: '1998-07-04', claim_date: '1999-02-10', claim_amount: -250 });
    const report = result.json('validation-report.json');
    expect(report).toMatchObject({ status: 'valid', format: 'csv', records: 7, policies: 6, claims: 6, violations: [] });
    expect(report.stats.dateFormats).toEqual({ YYYYMMDD: 5, 'MM/DD/YY': 4, 'DD-MON-YYYY': 1, ISO: 3 });
    expect(result.records[0]!.summary).toMatchObject({ records: 7, policies: 6, claims: 6 });
  });

  it('partitions by line of business and year with row counts that add up', async () => {
    const result = await run(HAND_WRITTEN_CSV);
    const manifest = result.json('partitions.json');
    expect(manifest.partitions.map((p: { path: string; rows: number }) => [p.path, p.rows])).toEqual([
      ['lob=AUTO/year=2023', 1],
      ['lob=AUTO/year=2024', 2],
      ['lob=HOME/year=1998', 1],
      ['lob=HOME/year=2023', 1],
      ['lob=HOME/year=2024', 2],
    ]);
    expect(manifest.totalRows).toBe(7);
    const home2024 = manifest.partitions.find((p: { path: string }) => p.path === 'lob=HOME/year=2024');
    expect(home2024).toMatchObject({
      key: 'lake/insurance_ai/lob=HOME/year=2024/j-ins.ndjson',
      policies: 1,
      claims: 2,
      writtenPremium: 1500,
      incurredLosses: 2100,
    });
    const lines = result
      .textAt(home2024.key)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((r) => r.claim_id)).toEqual(['C3', 'C4']);
    for (const p of manifest.partitions) expect(createHash('sha256').update(result.textAt(p.key)).digest('hex')).toBe(p.sha256);
    // partitions.json is their list: the step's result, which travels in its event, does not repeat them.
    expect(result.records[1]!.artifacts.filter((a) => a.name.startsWith('partition '))).toEqual([]);
  });

  it('masks PII so no raw national id, email, phone or name reaches the masked output', async () => {
    const result = await run(HAND_WRITTEN_CSV);
    const masked = result.text('records.masked.ndjson');
    for (const raw of [...RAW_PII.nationalIds, ...RAW_PII.emails, ...RAW_PII.phones, ...RAW_PII.names]) expect(masked).not.toContain(raw);
    expect(masked.toLowerCase()).not.toContain('@example');
    const rows = masked
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(7);
    const a1 = rows.find((r) => r.policy_number === 'A1');
    expect(a1.national_id).toBe('***-**-6789');
    expect(a1.phone).toBe('(***) ***-0101');
    expect(a1.email).toBe(`sha256:${saltedSha256(PII_HASH_SALT, 'email', 'jane.doe@example.com')}`);
    expect(a1.holder_name).toMatch(/^person:[0-9a-f]{16}$/);
    // The same person masks to the same tokens on every line, so masked data still joins.
    const h1 = rows.find((r) => r.policy_number === 'H1');
    expect([h1.email, h1.holder_name, h1.national_id]).toEqual([a1.email, a1.holder_name, a1.national_id]);
    expect(rows.find((r) => r.policy_number === 'H2').email).toBeNull();
    const pii = result.json('pii-report.json');
    expect(pii.maskedColumns).toEqual([
      { column: 'holder_name', kind: 'person_name' },
      { column: 'national_id', kind: 'national_id' },
      { column: 'email', kind: 'email' },
      { column: 'phone', kind: 'phone' },
    ]);
    expect(pii.columns.find((c: { column: string }) => c.column === 'email')).toMatchObject({ detected: 'email', detectionRate: 1 });
  });

  it('scores every column as a feature within 0..1, PII at 0', async () => {
    const result = await run(HAND_WRITTEN_CSV);
    const readiness = result.json('feature-readiness.json');
    expect(readiness.columns).toHaveLength(13);
    for (const column of readiness.columns) {
      expect(column.score).toBeGreaterThanOrEqual(0);
      expect(column.score).toBeLessThanOrEqual(1);
      expect(column.reasons.length).toBeGreaterThan(0);
    }
    const byName = Object.fromEntries(readiness.columns.map((c: { column: string }) => [c.column, c]));
    for (const pii of ['holder_name', 'national_id', 'email', 'phone']) expect(byName[pii]).toMatchObject({ pii: true, score: 0, ready: false });
    expect(byName['premium']).toMatchObject({ type: 'numeric', completeness: 1, pii: false });
    expect(byName['claim_amount'].completeness).toBeCloseTo(6 / 7, 3);
  });

  it('computes loss ratios by hand-checkable numbers and ranks the repricing opportunity', async () => {
    const result = await run(HAND_WRITTEN_CSV);
    const report = result.json('opportunities.json');
    expect(report.lossRatioByLine).toEqual([
      { lineOfBusiness: 'AUTO', policies: 3, claims: 2, writtenPremium: 4000, incurredLosses: 500, lossRatio: 0.125 },
      { lineOfBusiness: 'HOME', policies: 3, claims: 4, writtenPremium: 3000, incurredLosses: 2850, lossRatio: 0.95 },
    ]);
    const reprice = report.opportunities.find((o: { id: string }) => o.id === 'reprice-home');
    expect(reprice).toMatchObject({
      rank: 1,
      estimatedValue: 1385,
      evidence: { lossRatio: 0.95, writtenPremium: 3000, incurredLosses: 2850, requiredRateChange: 0.4615 },
    });
    expect(report.opportunities.find((o: { id: string }) => o.id === 'reprice-auto')).toBeUndefined();
    const fraud = report.opportunities.find((o: { id: string }) => o.id === 'fraud-review-claims');
    expect(fraud.evidence).toMatchObject({ candidates: 1, earlyClaims: 1, topClaimIds: ['C6'] });
    const crossSell = report.opportunities.find((o: { id: string }) => o.id === 'cross-sell-single-line-holders');
    expect(crossSell.evidence).toMatchObject({ holders: 5, singleLineHolders: 4, multiLineHolders: 1 });
    expect(report.opportunities.map((o: { rank: number }) => o.rank)).toEqual(report.opportunities.map((_: unknown, i: number) => i + 1));
    expect(result.text('opportunities.md')).toContain('| 1 | Reprice Homeowners (HOME): loss ratio 95.0% | 1,385 |');
    expect(result.records[3]!.summary).toMatchObject({ topOpportunity: 'Reprice Homeowners (HOME): loss ratio 95.0%', topOpportunityValue: 1385 });
  });
});
