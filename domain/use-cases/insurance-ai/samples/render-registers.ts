import { toCsv } from './render-csv.js';
import type { SyntheticClaim, SyntheticPolicy } from './synthetic-portfolio.js';

/**
 * Extracts shaped as other systems export them, with their own column names: a claims
 * administrator's register (one line per claim, no premium, holder or effective date) and a
 * European policy administrator's register (semicolon-delimited, decimal commas, day-first dates,
 * no claims). Both come from the same synthetic portfolio as the combined extract.
 */
export const CLAIMS_REGISTER_COLUMNS = [
  'policy_no',
  'claim_id',
  'line_of_business',
  'loss_date',
  'report_date',
  'paid_amount',
  'reserve_amount',
  'claimant_email',
  'claimant_ssn',
  'phone',
  'state',
] as const;

export function claimsRegisterCsv(policies: readonly SyntheticPolicy[]): string {
  const rows: string[][] = [];
  for (const policy of policies) {
    for (const claim of policy.claims) {
      const { paid, reserve } = paidAndReserve(claim);
      rows.push([
        policy.number,
        claim.id,
        policy.lob,
        claim.date,
        usDate(addDays(claim.date, reportingLag(claim.id))),
        paid.toFixed(2),
        reserve.toFixed(2),
        policy.holder.email ?? '',
        policy.holder.nationalId ? `${policy.holder.nationalId.slice(0, 3)}-${policy.holder.nationalId.slice(3, 5)}-${policy.holder.nationalId.slice(5)}` : '',
        policy.holder.phone ?? '',
        policy.holder.state,
      ]);
    }
  }
  return toCsv(CLAIMS_REGISTER_COLUMNS, rows);
}

/**
 * A claims register has no status column: what a claim still costs is its reserve. Open and
 * reopened claims are part paid, the rest reserved; denied ones cost nothing.
 */
export function paidAndReserve(claim: SyntheticClaim): { paid: number; reserve: number } {
  if (claim.status === 'DN') return { paid: 0, reserve: 0 };
  if (claim.status === 'OP' || claim.status === 'RO') {
    const paid = Math.round(claim.amount * 40) / 100;
    return { paid, reserve: Math.round((claim.amount - paid) * 100) / 100 };
  }
  return { paid: claim.amount, reserve: 0 };
}

export const POLICY_REGISTER_COLUMNS = ['POL_NO', 'INSURED_NM', 'PREM', 'INCEPT_DATE', 'LOB', 'ST'] as const;

export function policyRegisterCsv(policies: readonly SyntheticPolicy[]): string {
  const rows = policies.map((p) => [
    p.number,
    `${p.holder.last}, ${p.holder.first}`.toUpperCase(),
    decimalComma(p.premium),
    dayFirstDate(p.effectiveDate),
    p.lob,
    p.holder.state,
  ]);
  return [POLICY_REGISTER_COLUMNS, ...rows].map((row) => row.join(';')).join('\n') + '\n';
}

/** `1.234,56`: thousands points, a decimal comma. */
export function decimalComma(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split('.') as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`;
}

function dayFirstDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

/** Between 0 and 44 days, fixed by the claim id so the file is a pure function of the seed. */
function reportingLag(claimId: string): number {
  let hash = 0;
  for (const ch of claimId) hash = (hash * 31 + ch.charCodeAt(0)) % 997;
  return hash % 45;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
