import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { insuranceAiUseCase } from '#domain/use-cases/insurance-ai/index.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';
import { HAND_WRITTEN_CSV } from './hand-written-extract.js';

async function rejection(body: string): Promise<StepRejection> {
  const error = await runJourneySteps(insuranceAiUseCase, 'upload', body).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StepRejection);
  return error as StepRejection;
}

const HEADER = HAND_WRITTEN_CSV.split('\n')[0]!;
const withLines = (...lines: string[]) => [HEADER, ...lines, ''].join('\n');
const GOOD = 'P1,Ann Poe,111-22-3333,ann@example.com,(212) 555-0101,AUTO,NY,20240115,1000.00,,,,';

describe('validate_legacy_data rejections', () => {
  it('lists every bad date with its line and value', async () => {
    const error = await rejection(
      withLines(GOOD, GOOD.replace('P1', 'P2').replace('20240115', '20240230'), GOOD.replace('P1', 'P3').replace(',,,,', ',C1,13/45/24,10.00,PD')),
    );
    expect(error.code).toBe('invalid_dates');
    expect(error.details).toEqual([
      expect.stringMatching(/^line 3: effective_date "20240230" is not a valid date/),
      expect.stringMatching(/^line 4: claim_date "13\/45\/24" is not a valid date/),
    ]);
  });

  it('refuses a claim dated before its policy or in the future', async () => {
    const error = await rejection(withLines(GOOD.replace(',,,,', ',C1,20231231,10.00,PD'), GOOD.replace('P1', 'P2').replace(',,,,', ',C2,20270101,10.00,OP')));
    expect(error.code).toBe('invalid_dates');
    expect(error.details[0]).toBe("line 2: claim_date 2023-12-31 is before the policy's effective_date 2024-01-15");
    expect(error.details[1]).toBe('line 3: claim_date 2027-01-01 is in the future (today is 2026-11-27)');
  });

  it('names the column, the value and the allowed codes for an unknown code', async () => {
    const error = await rejection(withLines(GOOD.replace('AUTO', 'BOAT'), GOOD.replace('P1', 'P2').replace(',NY,', ',XX,')));
    expect(error.code).toBe('unknown_codes');
    expect(error.details[0]).toBe('line 2: line_of_business "BOAT" is not a known code (allowed: AUTO, HOME, LIFE, HLTH, COMM, UMBR)');
    expect(error.details[1]).toMatch(/^line 3: state "XX" is not a known code \(allowed: AK, AL, .*WY\)$/);
  });

  it('refuses malformed and negative premiums as invalid amounts', async () => {
    const error = await rejection(withLines(GOOD.replace('1000.00', '1O00.00'), GOOD.replace('P1', 'P2').replace('1000.00', '1000.00-')));
    expect(error.code).toBe('invalid_amounts');
    expect(error.details).toEqual([
      expect.stringMatching(/^line 2: premium "1O00.00" is not an amount/),
      expect.stringMatching(/^line 3: premium "1000.00-" is negative/),
    ]);
  });

  it('names the missing fields, the columns seen and the --map line that fixes it', async () => {
    const error = await rejection('ref,holder_name,amount_due\nP1,Ann,10\n');
    expect(error.code).toBe('missing_fields');
    expect(error.message).toContain('policy_number');
    expect(error.message).toContain('columns seen: ref, holder_name, amount_due');
    expect(error.details.some((d) => d.includes('field "premium"') && d.includes('a policy register needs premium, a claims register claim_id'))).toBe(true);
    expect(error.details.some((d) => d.startsWith('to map them: symphainy upload <file> --map policy_number='))).toBe(true);
  });

  it('keeps a column named for a field whose values all misfit, and names every bad value', async () => {
    const error = await rejection('policy_number,premium,effective_date\nP1,100.00,2024.01.15\nP2,200.00,2024.02.15\n');
    expect(error.code).toBe('invalid_dates');
    expect(error.details).toEqual([
      expect.stringMatching(/^line 2: effective_date "2024.01.15" is not a valid date/),
      expect.stringMatching(/^line 3: effective_date "2024.02.15"/),
    ]);
  });

  it('names the file’s own column next to the field in a violation', async () => {
    const error = await rejection('POL_NO,PREM\nP1,12O0.00\n');
    expect(error.code).toBe('invalid_amounts');
    expect(error.details[0]).toMatch(/^line 2: premium \(column PREM\) "12O0.00" is not an amount/);
  });

  it('refuses half-filled claims and lines of one policy that disagree', async () => {
    const error = await rejection(
      withLines(
        GOOD,
        GOOD.replace('P1', 'P2').replace(',,,,', ',C1,,10.00,PD'),
        GOOD.replace('P1', 'P3').replace(',,,,', ',,,10.00,'),
        GOOD.replace('1000.00', '1200.00'),
      ),
    );
    expect(error.code).toBe('missing_values');
    expect(error.details).toEqual([
      'line 3: claim C1 has no claim_date',
      'line 4: claim_id is empty but claim_amount is filled',
      'line 5: policy P1 has premium "1200" here but "1000" on line 2',
    ]);
    expect(error.message).toContain('2 missing_values, 1 inconsistent_policies');
  });

  it('caps the listed violations at 100 and says how many more there are', async () => {
    const bad = Array.from({ length: 130 }, (_, i) => GOOD.replace('P1', `P${i}`).replace('20240115', '20241345'));
    const error = await rejection(withLines(...bad));
    expect(error.code).toBe('invalid_dates');
    expect(error.details).toHaveLength(101);
    expect(error.details[100]).toBe('... and 30 more');
    expect(error.message).toContain('130 problem(s) (130 invalid_dates)');
  });

  describe('fixed-width', () => {
    const layout =
      '#layout policy_number:1-4,holder_name:5-14,national_id:15-23,email:24-38,phone:39-48,line_of_business:49-52,state:53-54,effective_date:55-62,premium:63-70:v2,claim_id:71-73,claim_date:74-81,claim_amount:82-89:v2,claim_status:90-91';
    // Each field padded to its width, in layout order.
    const record = [
      'P001',
      'POE, ANN'.padEnd(10),
      '111223333',
      'ann@example.com',
      '2125550101',
      'AUTO',
      'NY',
      '20240115',
      '00100000',
      'C01',
      '20240301',
      '0005050-',
      'PD',
    ].join('');

    it('reads a record with implied decimals and bare digits', async () => {
      const result = await runJourneySteps(insuranceAiUseCase, 'upload', `${layout}\n${record}\n`);
      expect(result.ndjson('records.normalized.ndjson')).toEqual([
        {
          source_line: 2,
          policy_number: 'P001',
          holder_name: 'POE, ANN',
          national_id: '111-22-3333',
          email: 'ann@example.com',
          phone: '2125550101',
          line_of_business: 'AUTO',
          state: 'NY',
          effective_date: '2024-01-15',
          premium: 1000,
          claim_id: 'C01',
          claim_date: '2024-03-01',
          reported_date: null,
          claim_amount: -50.5,
          reserve_amount: null,
          claim_status: 'PD',
        },
      ]);
    });

    it('refuses a line shorter than the layout, naming it', async () => {
      const error = await rejection(`${layout}\n${record}\n${record.slice(0, 70)}\n${record}\n`);
      expect(error.code).toBe('layout_mismatch');
      expect(error.details).toEqual(['line 3: the line is 70 characters long; the layout needs 91']);
    });

    it('refuses an invalid layout declaration', async () => {
      const error = await rejection(`${layout.replace('premium:63-70', 'premium:60-70')}\n${record}\n`);
      expect(error.code).toBe('invalid_layout');
      expect(error.details).toEqual(['line 1: fields "effective_date" (55-62) and "premium" (60-70) overlap']);
    });

    it('refuses a layout whose fields name neither premium nor claims', async () => {
      const error = await rejection(`#layout policy_number:1-4,amount:5-12:v2\nP00100001000\n`);
      expect(error.code).toBe('missing_fields');
      expect(error.message).toMatch(/premium, claim_id/);
    });

    it('reads a policy register whose layout uses other names', async () => {
      const result = await runJourneySteps(
        insuranceAiUseCase,
        'upload',
        `#layout POL_NO:1-4,PREM:5-12:v2,INCEPT_DATE:13-20,LOB:21-24\nP0010012345620240115AUTO\n`,
      );
      const mapping = result.json('column-mapping.json') as { fields: { field: string; column: string }[] };
      expect(mapping.fields.map((f) => `${f.column}->${f.field}`)).toEqual([
        'POL_NO->policy_number',
        'LOB->line_of_business',
        'INCEPT_DATE->effective_date',
        'PREM->premium',
      ]);
      const [record] = result.ndjson<Record<string, unknown>>('records.normalized.ndjson');
      expect(record).toMatchObject({
        policy_number: 'P001',
        premium: 1234.56,
        effective_date: '2024-01-15',
        line_of_business: 'AUTO',
        claim_id: null,
        holder_name: null,
      });
    });
  });
});
