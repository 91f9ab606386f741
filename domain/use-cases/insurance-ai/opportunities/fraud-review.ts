import { INCURRED_CLAIM_STATUSES, OPEN_CLAIM_STATUSES, type ClaimStatus, type LineOfBusiness } from '../code-lists.js';
import type { InsuranceRecord } from '../insurance-record.js';
import { daysBetween } from '../legacy-date.js';
import { roundCents } from '../portfolio-figures.js';
import { quantile } from '../stats.js';
import type { Opportunity } from './opportunity.js';

/** A claim this soon after the policy starts suggests the loss came before the cover. */
export const EARLY_CLAIM_DAYS = 30;
/** Tukey's far-out fence: Q3 + 3 x IQR, per line of business (a home claim is not an auto claim). */
export const OUTLIER_IQR_MULTIPLE = 3;
/** Fewer claims than this in a line and its quartiles mean little. */
export const MIN_CLAIMS_FOR_OUTLIERS = 8;
/** Share of flagged claims assumed to prove fraudulent on review; the industry rule of thumb is ~10%. */
export const ASSUMED_FRAUD_HIT_RATE = 0.1;

export interface FraudCandidate {
  claimId: string;
  policyNumber: string;
  lineOfBusiness: LineOfBusiness | null;
  amount: number;
  /** Null when the file has no claim status. */
  status: ClaimStatus | null;
  amountOutlier: boolean;
  earlyClaim: boolean;
  reasons: string[];
}

export function fraudCandidates(records: readonly InsuranceRecord[]): FraudCandidate[] {
  const claims = records.filter((r) => r.claim_id !== null && r.claim_amount !== null);
  // Without a line of business all claims share one fence.
  const fences = new Map<LineOfBusiness | null, number>();
  for (const line of new Set(claims.map((c) => c.line_of_business))) {
    const amounts = claims.filter((c) => c.line_of_business === line && c.claim_amount! > 0).map((c) => c.claim_amount!);
    if (amounts.length < MIN_CLAIMS_FOR_OUTLIERS) continue;
    const [q1, q3] = [quantile(amounts, 0.25), quantile(amounts, 0.75)];
    fences.set(line, q3 + OUTLIER_IQR_MULTIPLE * (q3 - q1));
  }
  const candidates: FraudCandidate[] = [];
  for (const claim of claims) {
    const reasons: string[] = [];
    const fence = fences.get(claim.line_of_business);
    const amountOutlier = fence !== undefined && claim.claim_amount! > fence;
    if (amountOutlier) reasons.push(`amount ${claim.claim_amount!.toFixed(2)} above the ${claim.line_of_business ?? 'portfolio'} outlier fence ${fence.toFixed(2)}`);
    const days = claim.effective_date === null || claim.claim_date === null ? null : daysBetween(claim.effective_date, claim.claim_date);
    const earlyClaim = days !== null && days <= EARLY_CLAIM_DAYS;
    if (earlyClaim) reasons.push(`claimed ${days} day(s) after the policy took effect`);
    if (reasons.length > 0) {
      candidates.push({
        claimId: claim.claim_id!,
        policyNumber: claim.policy_number,
        lineOfBusiness: claim.line_of_business,
        amount: claim.claim_amount!,
        status: claim.claim_status,
        amountOutlier,
        earlyClaim,
        reasons,
      });
    }
  }
  return candidates.sort((a, b) => b.amount - a.amount || a.claimId.localeCompare(b.claimId));
}

/** `earlyClaimsChecked` is false when the file has no effective dates: then no claim is known to be early, nor known not to be. */
export function fraudReviewOpportunity(candidates: readonly FraudCandidate[], earlyClaimsChecked = true): Opportunity | undefined {
  if (candidates.length === 0) return undefined;
  // Without statuses every flagged amount counts as incurred, and none is known to be open.
  const incurred = candidates.filter((c) => c.status === null || INCURRED_CLAIM_STATUSES.has(c.status));
  const flaggedIncurred = roundCents(incurred.reduce((sum, c) => sum + c.amount, 0));
  const statusKnown = candidates.some((c) => c.status !== null);
  const openExposure = roundCents(candidates.filter((c) => c.status !== null && OPEN_CLAIM_STATUSES.has(c.status)).reduce((sum, c) => sum + c.amount, 0));
  const outliers = candidates.filter((c) => c.amountOutlier).length;
  const early = candidates.filter((c) => c.earlyClaim).length;
  return {
    id: 'fraud-review-claims',
    kind: 'fraud_review',
    title: `Send ${candidates.length} claims to fraud review`,
    action: `Review ${outliers} outlier-amount claims${earlyClaimsChecked ? ` and ${early} claims made within ${EARLY_CLAIM_DAYS} days of cover starting` : ''}${statusKnown ? `, open ones (${openExposure.toFixed(2)} still payable) first` : ''}.`,
    estimatedValue: Math.round(flaggedIncurred * ASSUMED_FRAUD_HIT_RATE),
    valueBasis: `incurred amount on flagged claims (${flaggedIncurred.toFixed(2)}) x an assumed ${ASSUMED_FRAUD_HIT_RATE * 100}% proving fraudulent`,
    evidence: {
      candidates: candidates.length,
      amountOutliers: outliers,
      earlyClaims: earlyClaimsChecked ? early : null,
      earlyClaimWindowDays: EARLY_CLAIM_DAYS,
      flaggedIncurredAmount: flaggedIncurred,
      openExposure: statusKnown ? openExposure : null,
      topClaimIds: candidates.slice(0, 10).map((c) => c.claimId),
    },
  };
}
