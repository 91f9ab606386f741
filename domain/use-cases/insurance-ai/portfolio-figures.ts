import { INCURRED_CLAIM_STATUSES } from './code-lists.js';
import { leftOutUnless, type FigureLeftOut, type FileFields } from './field-availability.js';
import type { InsuranceRecord } from './insurance-record.js';

/**
 * Premium belongs to a policy, not to a line: a policy with three claims appears on three lines
 * but its premium counts once (from its first line). Null when the file has no premium (a
 * claims register): zero would say the policies were free.
 */
export function writtenPremium(records: readonly InsuranceRecord[], fields: FileFields): number | null {
  if (!fields.has('premium')) return null;
  const seen = new Set<string>();
  let total = 0;
  for (const record of records) {
    if (seen.has(record.policy_number)) continue;
    seen.add(record.policy_number);
    total += record.premium ?? 0;
  }
  return roundCents(total);
}

/**
 * Claims that cost money: paid, open and reopened ones; denied and closed-without-payment
 * claims cost nothing. Without a status column every claim counts.
 */
function costingClaims(records: readonly InsuranceRecord[]): InsuranceRecord[] {
  return records.filter((r) => r.claim_id !== null && (r.claim_status === null || INCURRED_CLAIM_STATUSES.has(r.claim_status)));
}

/** The claim amounts (paid, or claimed where nothing is paid yet) of the claims that cost money; null without claim amounts. */
export function paidLosses(records: readonly InsuranceRecord[], fields: FileFields): number | null {
  if (!fields.has('claim_id') || !fields.has('claim_amount')) return null;
  return roundCents(costingClaims(records).reduce((sum, r) => sum + (r.claim_amount ?? 0), 0));
}

/** Case reserves still held on those claims; null when the file has no reserves. */
export function outstandingReserves(records: readonly InsuranceRecord[], fields: FileFields): number | null {
  if (!fields.has('claim_id') || !fields.has('reserve_amount')) return null;
  return roundCents(costingClaims(records).reduce((sum, r) => sum + (r.reserve_amount ?? 0), 0));
}

/**
 * Incurred losses as actuaries count them: paid plus case reserves, or the claim amounts alone
 * when the file holds no reserves. Null when the file has no claims or no claim amounts: a
 * policy register says nothing about losses, so zero would be invented.
 */
export function incurredLosses(records: readonly InsuranceRecord[], fields: FileFields): number | null {
  const paid = paidLosses(records, fields);
  if (paid === null) return null;
  return roundCents(paid + (outstandingReserves(records, fields) ?? 0));
}

/** Incurred losses over written premium; null when either is unknown or there is no premium to divide by. */
export function lossRatio(records: readonly InsuranceRecord[], fields: FileFields): number | null {
  const premium = writtenPremium(records, fields);
  const losses = incurredLosses(records, fields);
  return premium !== null && premium > 0 && losses !== null ? round(losses / premium, 4) : null;
}

/** The portfolio figures this file cannot give, and why. */
export function portfolioFiguresLeftOut(fields: FileFields): FigureLeftOut[] {
  return [
    ...leftOutUnless(fields, 'written premium', ['premium']),
    ...leftOutUnless(fields, 'incurred losses', ['claim_id', 'claim_amount']),
    ...leftOutUnless(fields, 'loss ratio', ['premium', 'claim_id', 'claim_amount']),
  ];
}

export function distinctPolicies(records: readonly InsuranceRecord[]): number {
  return new Set(records.map((r) => r.policy_number)).size;
}

/** Claims on the records; null when the file has no claim ids, so none could be counted. */
export function claimCount(records: readonly InsuranceRecord[], fields: FileFields): number | null {
  return fields.has('claim_id') ? records.filter((r) => r.claim_id !== null).length : null;
}

export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
