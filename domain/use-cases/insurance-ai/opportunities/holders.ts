import type { InsuranceRecord } from '../insurance-record.js';

export interface PolicySummary {
  policyNumber: string;
  holder: string;
  lineOfBusiness: InsuranceRecord['line_of_business'];
  effectiveDate: string | null;
  premium: number | null;
  claims: InsuranceRecord[];
}

/**
 * The same person is recognised across policies by national id, else email, else name: legacy
 * systems have no customer key, and the national id is the one field two systems agree on.
 */
export function holderKey(record: InsuranceRecord): string {
  if (record.national_id) return `id:${record.national_id}`;
  if (record.email) return `email:${record.email}`;
  if (record.holder_name) return `name:${record.holder_name.toUpperCase()}`;
  // A file without any holder detail: each policy is its own holder, as far as anyone can tell.
  return `policy:${record.policy_number}`;
}

/** One entry per policy, with its claim lines, in first-seen order. */
export function policiesOf(records: readonly InsuranceRecord[]): PolicySummary[] {
  const byNumber = new Map<string, PolicySummary>();
  for (const record of records) {
    const policy = byNumber.get(record.policy_number) ?? newPolicy(record);
    byNumber.set(record.policy_number, policy);
    if (record.claim_id !== null) policy.claims.push(record);
  }
  return [...byNumber.values()];
}

function newPolicy(record: InsuranceRecord): PolicySummary {
  return {
    policyNumber: record.policy_number,
    holder: holderKey(record),
    lineOfBusiness: record.line_of_business,
    effectiveDate: record.effective_date,
    premium: record.premium,
    claims: [],
  };
}
