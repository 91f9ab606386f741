import { INCURRED_CLAIM_STATUSES } from './code-lists.js';
import type { InsuranceRecord } from './insurance-record.js';

/**
 * Premium belongs to a policy, not to a line: a policy with three claims appears on three lines
 * but its premium counts once (from its first line). Incurred losses are the amounts of paid,
 * open and reopened claims; denied and closed-without-payment claims cost nothing.
 */
export function writtenPremium(records: readonly InsuranceRecord[]): number {
  const seen = new Set<string>();
  let total = 0;
  for (const record of records) {
    if (seen.has(record.policy_number)) continue;
    seen.add(record.policy_number);
    total += record.premium;
  }
  return roundCents(total);
}

export function incurredLosses(records: readonly InsuranceRecord[]): number {
  let total = 0;
  for (const record of records) {
    if (record.claim_status !== null && INCURRED_CLAIM_STATUSES.has(record.claim_status)) total += record.claim_amount ?? 0;
  }
  return roundCents(total);
}

/** Incurred losses over written premium; null when there is no premium to divide by. */
export function lossRatio(records: readonly InsuranceRecord[]): number | null {
  const premium = writtenPremium(records);
  return premium > 0 ? round(incurredLosses(records) / premium, 4) : null;
}

export function distinctPolicies(records: readonly InsuranceRecord[]): number {
  return new Set(records.map((r) => r.policy_number)).size;
}

export function claimCount(records: readonly InsuranceRecord[]): number {
  return records.filter((r) => r.claim_id !== null).length;
}

export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
