import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { parseTable } from '#domain/tabular/index.js';
import { insuranceAiUseCase } from '#domain/use-cases/insurance-ai/index.js';
import type { InsuranceRecord } from '#domain/use-cases/insurance-ai/upload/insurance-record.js';
import type { SampleFile } from '#domain/use-cases/use-case-module.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';

const SEED = 42;
const samples = insuranceAiUseCase.samples(SEED);
const sample = (name: string): SampleFile => samples.find((s) => s.fileName === name)!;
const runSample = (s: SampleFile) =>
  runJourneySteps(insuranceAiUseCase, 'upload', s.body, { key: `uploads/insurance_ai/${s.fileName}`, journeyId: 'j-sample' });

describe('insurance_ai samples', () => {
  it('offers good and bad files with the expected names', () => {
    expect(samples.map((s) => [s.fileName, s.expect.status === 'completed' ? 'completed' : s.expect.code])).toEqual([
      ['insurance-policies.csv', 'completed'],
      ['insurance-policies.dat', 'completed'],
      ['insurance-claims-register.csv', 'completed'],
      ['insurance-policy-register.csv', 'completed'],
      ['insurance-bad-dates.csv', 'invalid_dates'],
      ['insurance-unknown-code.csv', 'unknown_codes'],
      ['insurance-bad-amounts.csv', 'invalid_amounts'],
      ['insurance-missing-fields.csv', 'missing_fields'],
      ['insurance-short-line.dat', 'layout_mismatch'],
      ['insurance-bad-layout.dat', 'invalid_layout'],
    ]);
    const csvBytes = Buffer.byteLength(sample('insurance-policies.csv').body);
    expect(csvBytes).toBeGreaterThan(50_000);
    expect(csvBytes).toBeLessThan(300_000);
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(insuranceAiUseCase.samples(SEED)).toEqual(samples);
    expect(insuranceAiUseCase.samples(SEED + 1)[0]!.body).not.toBe(samples[0]!.body);
  });

  it('runs the good CSV end to end with partitions that add up and no raw PII in the masked output', async () => {
    const result = await runSample(sample('insurance-policies.csv'));
    const records = result.ndjson<InsuranceRecord>('records.normalized.ndjson');
    expect(records.length).toBeGreaterThan(1000);
    expect(new Set(records.map((r) => r.line_of_business)).size).toBe(6);

    const manifest = result.json('partitions.json');
    expect(manifest.partitions.reduce((sum: number, p: { rows: number }) => sum + p.rows, 0)).toBe(records.length);
    expect(manifest.totalRows).toBe(records.length);
    for (const p of manifest.partitions) {
      const rows = (p.files as { key: string }[])
        .map((f) => result.textAt(f.key))
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as InsuranceRecord);
      expect(rows).toHaveLength(p.rows);
      expect(rows.every((r) => r.line_of_business === p.lob && r.effective_date!.startsWith(String(p.year)))).toBe(true);
    }

    const masked = result.text('records.masked.ndjson');
    expect(masked.trim().split('\n')).toHaveLength(records.length);
    const raw = new Set<string>();
    for (const r of records) for (const v of [r.national_id, r.national_id?.replace(/-/g, ''), r.email, r.phone, r.holder_name]) if (v) raw.add(v);
    expect(raw.size).toBeGreaterThan(1000);
    const leaked = [...raw].filter((v) => masked.includes(v) || masked.includes(JSON.stringify(v).slice(1, -1)));
    expect(leaked).toEqual([]);
    expect(masked).not.toMatch(/@example\./i);

    const readiness = result.json('feature-readiness.json');
    for (const c of readiness.columns) expect(c.score >= 0 && c.score <= 1).toBe(true);
    expect(result.json('opportunities.json').opportunities.length).toBeGreaterThanOrEqual(3);
  });

  it('reads two-digit years with the 50 pivot in the good CSV', async () => {
    const s = sample('insurance-policies.csv');
    const table = parseTable(new TextEncoder().encode(s.body));
    const effective = table.columns.indexOf('EFFECTIVE_DATE');
    const result = await runSample(s);
    const byLine = new Map(result.ndjson<InsuranceRecord>('records.normalized.ndjson').map((r) => [r.source_line, r]));
    let nineteenth = 0;
    let twentyFirst = 0;
    table.rows.forEach((row, i) => {
      const m = /^(\d{2})\/(\d{2})\/(\d{2})$/.exec(row[effective]!);
      if (!m) return;
      const yy = Number(m[3]);
      const record = byLine.get(table.rowLines[i]!)!;
      expect(record.effective_date).toBe(`${yy < 50 ? 20 : 19}${m[3]}-${m[1]}-${m[2]}`);
      if (yy < 50) twentyFirst++;
      else nineteenth++;
    });
    expect(nineteenth).toBeGreaterThan(0);
    expect(twentyFirst).toBeGreaterThan(0);
  });

  it('runs the good fixed-width extract end to end', async () => {
    const result = await runSample(sample('insurance-policies.dat'));
    expect(result.records[0]!.summary).toMatchObject({ format: 'fixed-width', policies: 400 });
    const records = result.ndjson<InsuranceRecord>('records.normalized.ndjson');
    expect(records.some((r) => r.claim_amount !== null && r.claim_amount < 0)).toBe(true);
    expect(records.every((r) => r.premium !== null && Number.isFinite(r.premium) && r.premium > 0)).toBe(true);
    expect(result.json('partitions.json').totalRows).toBe(records.length);
  });

  it('refuses the extract without a policy number column with the --map line that fixes it', async () => {
    const error = await runSample(sample('insurance-missing-fields.csv')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StepRejection);
    const rejection = error as StepRejection;
    expect(rejection.code).toBe('missing_fields');
    expect(rejection.message).toMatch(/^the file lacks a field the journey needs: policy_number \(columns seen: HOLDER_NAME, EMAIL, /);
    expect(rejection.details).toContainEqual(expect.stringMatching(/^to map them: symphainy upload <file> --map policy_number=/));
  });

  describe.each(samples.filter((s) => s.expect.status !== 'completed' && s.expect.code !== 'missing_fields'))('$fileName', (s) => {
    it('rejects with its code, each detail naming a line that holds the problem', async () => {
      const error = await runSample(s).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StepRejection);
      const rejection = error as StepRejection;
      expect(rejection.code).toBe(s.expect.status !== 'completed' && s.expect.code);
      expect(rejection.details.length).toBeGreaterThan(0);
      const lines = s.body.split('\n');
      for (const detail of rejection.details) {
        const m = /^line (\d+): /.exec(detail);
        expect(m, detail).not.toBeNull();
        const text = lines[Number(m![1]) - 1]!;
        const quoted = /"([^"]+)"/.exec(detail.slice(m![0].length));
        if (rejection.code === 'layout_mismatch') expect(text.length).toBeLessThan(153);
        else if (rejection.code === 'invalid_layout') expect(m![1]).toBe('1');
        else expect(text).toContain(quoted![1]);
      }
    });
  });
});
