import type { SampleFile } from '#domain/use-cases/use-case-module.js';
import type { LayoutField } from '../shared/fixed-width-layout.js';
import { csvExtractRows, toCsv } from './render-csv.js';
import { SAMPLE_LAYOUT, fixedWidthLines, layoutLine } from './render-fixed-width.js';
import { claimsRegisterCsv, policyRegisterCsv } from './render-registers.js';
import { syntheticPortfolio, type SyntheticPolicy } from './synthetic-portfolio.js';

const GOOD_CSV_POLICIES = 1100;
const GOOD_FIXED_WIDTH_POLICIES = 400;
const BAD_SAMPLE_POLICIES = 40;
const REGISTER_POLICIES = 600;

/**
 * Good extracts in both formats, and bad ones that each break exactly one rule so the rejection
 * code they expect is unambiguous. Every file is a pure function of the seed.
 */
export function insuranceAiSamples(seed: number): SampleFile[] {
  const small = syntheticPortfolio(seed + 2, BAD_SAMPLE_POLICIES);
  return [
    {
      fileName: 'insurance-policies.csv',
      body: goodCsv(syntheticPortfolio(seed, GOOD_CSV_POLICIES)),
      expect: { status: 'completed' },
      description: `A ${GOOD_CSV_POLICIES}-policy CSV extract mixing four legacy systems' date, amount, name and phone formats`,
    },
    {
      fileName: 'insurance-policies.dat',
      body: fixedWidth(syntheticPortfolio(seed + 1, GOOD_FIXED_WIDTH_POLICIES), SAMPLE_LAYOUT),
      expect: { status: 'completed' },
      description: `A ${GOOD_FIXED_WIDTH_POLICIES}-policy mainframe fixed-width extract with a #layout line and implied-decimal amounts`,
    },
    {
      fileName: 'insurance-claims-register.csv',
      body: claimsRegisterCsv(syntheticPortfolio(seed + 3, REGISTER_POLICIES)),
      expect: { status: 'completed' },
      description:
        'A claims administrator’s register with its own names (policy_no, loss_date, paid_amount, reserve_amount, claimant_ssn, ...): no premium, holder or effective date, so no loss ratio',
    },
    {
      fileName: 'insurance-policy-register.csv',
      body: policyRegisterCsv(syntheticPortfolio(seed + 4, REGISTER_POLICIES)),
      expect: { status: 'completed' },
      description: 'A European policy register (POL_NO;INSURED_NM;PREM;INCEPT_DATE;LOB;ST) with decimal commas and day-first dates: no claims, so no losses',
    },
    {
      fileName: 'insurance-bad-dates.csv',
      body: corruptCsv(small, (cells, i, claimLines) => {
        if (i === 3) cells[7] = '2024-02-30';
        if (i === claimLines[1]) cells[10] = '13/45/24';
        if (i === 17) cells[7] = '31-FEB-2023';
      }),
      expect: { status: 'failed', code: 'invalid_dates' },
      description: 'A CSV extract with impossible dates (30 February, month 13)',
    },
    {
      fileName: 'insurance-unknown-code.csv',
      body: corruptCsv(small, (cells, i, claimLines) => {
        if (i === 5) cells[5] = 'BOAT';
        if (i === claimLines[2]) cells[12] = 'ZZ';
      }),
      expect: { status: 'failed', code: 'unknown_codes' },
      description: 'A CSV extract with a line of business and a claim status outside the code lists',
    },
    {
      fileName: 'insurance-bad-amounts.csv',
      body: corruptCsv(small, (cells, i) => {
        if (i === 8) cells[8] = '12O0.00';
        if (i === 20) cells[8] = '1.234,56';
      }),
      expect: { status: 'failed', code: 'invalid_amounts' },
      description: 'A CSV extract with a premium typed with a letter O and one in European notation',
    },
    {
      fileName: 'insurance-missing-fields.csv',
      body: dropColumns(small, ['POLICY_NUMBER', 'NATIONAL_ID', 'CLAIM_STATUS']),
      expect: { status: 'failed', code: 'missing_fields' },
      description: 'A CSV extract without a policy number column (national id and claim status, which are optional, are missing too)',
    },
    {
      fileName: 'insurance-short-line.dat',
      body: (() => {
        const lines = fixedWidthLines(small);
        lines[6] = lines[6]!.slice(0, 120);
        return `${layoutLine(SAMPLE_LAYOUT)}\n${lines.join('\n')}\n`;
      })(),
      expect: { status: 'failed', code: 'layout_mismatch' },
      description: 'A fixed-width extract with one record cut short at column 120 of 153',
    },
    {
      fileName: 'insurance-bad-layout.dat',
      body: fixedWidth(small, SAMPLE_LAYOUT).replace('premium:114-122:v2', 'premium:114-125:v2'),
      expect: { status: 'failed', code: 'invalid_layout' },
      description: 'A fixed-width extract whose #layout line makes premium overlap claim_id',
    },
  ];
}

function goodCsv(policies: readonly SyntheticPolicy[]): string {
  const { header, rows } = csvExtractRows(policies);
  return toCsv(header, rows);
}

function fixedWidth(policies: readonly SyntheticPolicy[], layout: readonly LayoutField[]): string {
  return `${layoutLine(layout)}\n${fixedWidthLines(policies, layout).join('\n')}\n`;
}

/** Applies `corrupt` to each data row; `claimLines` are the indexes of rows that carry a claim. */
function corruptCsv(policies: readonly SyntheticPolicy[], corrupt: (cells: string[], index: number, claimLines: number[]) => void): string {
  const { header, rows } = csvExtractRows(policies);
  const claimLines = rows.flatMap((cells, i) => (cells[9] !== '' ? [i] : []));
  rows.forEach((cells, i) => corrupt(cells, i, claimLines));
  return toCsv(header, rows);
}

function dropColumns(policies: readonly SyntheticPolicy[], drop: readonly string[]): string {
  const { header, rows } = csvExtractRows(policies);
  const keep = header.map((name, i) => (drop.includes(name) ? -1 : i)).filter((i) => i >= 0);
  return toCsv(
    keep.map((i) => header[i]!),
    rows.map((cells) => keep.map((i) => cells[i]!)),
  );
}
