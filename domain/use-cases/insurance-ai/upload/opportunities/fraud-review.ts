import { grown } from '#domain/collections/compact-key-index.js';
import { INCURRED_CLAIM_STATUSES, OPEN_CLAIM_STATUSES, type ClaimStatus, type LineOfBusiness } from '../../shared/code-lists.js';
import type { InsuranceRecord } from '../insurance-record.js';
import { daysBetween } from '../../shared/legacy-date.js';
import { roundCents } from '../portfolio-figures.js';
import { quantileOfSorted } from '../stats.js';
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

/** How many flagged claims the review keeps by name, largest first; every one is counted. */
export const LISTED_FRAUD_CANDIDATES = 100;

/**
 * The outlier fence of each line of business (without a line of business all claims share one),
 * from the exact quartiles of its positive claim amounts. A claim is an outlier only against every
 * claim of its line, so the fences are set in an earlier step's pass (see record-tallies.ts).
 */
export class ClaimFences {
  private readonly amounts = new Map<LineOfBusiness | null, { values: Float64Array; count: number }>();

  add(record: InsuranceRecord): void {
    if (record.claim_id === null || record.claim_amount === null || record.claim_amount <= 0) return;
    let line = this.amounts.get(record.line_of_business);
    if (!line) this.amounts.set(record.line_of_business, (line = { values: new Float64Array(1024), count: 0 }));
    line.values = grown(line.values, line.count + 1);
    line.values[line.count++] = record.claim_amount;
  }

  fences(): Map<LineOfBusiness | null, number> {
    const fences = new Map<LineOfBusiness | null, number>();
    for (const [line, { values, count }] of this.amounts) {
      if (count < MIN_CLAIMS_FOR_OUTLIERS) continue;
      const sorted = values.subarray(0, count).sort();
      const [q1, q3] = [quantileOfSorted(sorted, 0.25), quantileOfSorted(sorted, 0.75)];
      fences.set(line, q3 + OUTLIER_IQR_MULTIPLE * (q3 - q1));
    }
    return fences;
  }
}

export interface FraudReviewFindings {
  candidates: number;
  amountOutliers: number;
  earlyClaims: number;
  /** Incurred amount on flagged claims: those without a status, or paid, open or reopened. */
  flaggedIncurred: number;
  statusKnown: boolean;
  /** Amount on flagged claims still open or reopened. */
  openExposure: number;
  /** The largest flagged claims, at most {@link LISTED_FRAUD_CANDIDATES}. */
  listed: FraudCandidate[];
}

/** The review's pass: each claim checked against its line's fence and its policy's start, every flag counted, the largest kept. */
export class FraudReview {
  private readonly findings: Omit<FraudReviewFindings, 'listed'> = {
    candidates: 0,
    amountOutliers: 0,
    earlyClaims: 0,
    flaggedIncurred: 0,
    statusKnown: false,
    openExposure: 0,
  };
  private listed: FraudCandidate[] = [];

  constructor(private readonly fences: ReadonlyMap<LineOfBusiness | null, number>) {}

  add(claim: InsuranceRecord): void {
    if (claim.claim_id === null || claim.claim_amount === null) return;
    const reasons: string[] = [];
    const fence = this.fences.get(claim.line_of_business);
    const amountOutlier = fence !== undefined && claim.claim_amount > fence;
    if (amountOutlier)
      reasons.push(`amount ${claim.claim_amount.toFixed(2)} above the ${claim.line_of_business ?? 'portfolio'} outlier fence ${fence.toFixed(2)}`);
    const days = claim.effective_date === null || claim.claim_date === null ? null : daysBetween(claim.effective_date, claim.claim_date);
    const earlyClaim = days !== null && days <= EARLY_CLAIM_DAYS;
    if (earlyClaim) reasons.push(`claimed ${days} day(s) after the policy took effect`);
    if (reasons.length === 0) return;
    const f = this.findings;
    f.candidates++;
    if (amountOutlier) f.amountOutliers++;
    if (earlyClaim) f.earlyClaims++;
    // Without statuses every flagged amount counts as incurred, and none is known to be open.
    if (claim.claim_status === null || INCURRED_CLAIM_STATUSES.has(claim.claim_status)) f.flaggedIncurred += claim.claim_amount;
    if (claim.claim_status !== null) {
      f.statusKnown = true;
      if (OPEN_CLAIM_STATUSES.has(claim.claim_status)) f.openExposure += claim.claim_amount;
    }
    this.listed.push({
      claimId: claim.claim_id,
      policyNumber: claim.policy_number,
      lineOfBusiness: claim.line_of_business,
      amount: claim.claim_amount,
      status: claim.claim_status,
      amountOutlier,
      earlyClaim,
      reasons,
    });
    if (this.listed.length >= 2 * LISTED_FRAUD_CANDIDATES) this.listed = largestFirst(this.listed);
  }

  result(): FraudReviewFindings {
    return {
      ...this.findings,
      flaggedIncurred: roundCents(this.findings.flaggedIncurred),
      openExposure: roundCents(this.findings.openExposure),
      listed: largestFirst(this.listed),
    };
  }
}

function largestFirst(candidates: FraudCandidate[]): FraudCandidate[] {
  return candidates.sort((a, b) => b.amount - a.amount || a.claimId.localeCompare(b.claimId)).slice(0, LISTED_FRAUD_CANDIDATES);
}

/** `earlyClaimsChecked` is false when the file has no effective dates: then no claim is known to be early, nor known not to be. */
export function fraudReviewOpportunity(review: FraudReviewFindings, earlyClaimsChecked = true): Opportunity | undefined {
  if (review.candidates === 0) return undefined;
  const { candidates, amountOutliers: outliers, earlyClaims: early, flaggedIncurred, statusKnown, openExposure } = review;
  return {
    id: 'fraud-review-claims',
    kind: 'fraud_review',
    title: `Send ${candidates} claims to fraud review`,
    action: `Review ${outliers} outlier-amount claims${earlyClaimsChecked ? ` and ${early} claims made within ${EARLY_CLAIM_DAYS} days of cover starting` : ''}${statusKnown ? `, open ones (${openExposure.toFixed(2)} still payable) first` : ''}.`,
    estimatedValue: Math.round(flaggedIncurred * ASSUMED_FRAUD_HIT_RATE),
    valueBasis: `incurred amount on flagged claims (${flaggedIncurred.toFixed(2)}) x an assumed ${ASSUMED_FRAUD_HIT_RATE * 100}% proving fraudulent`,
    evidence: {
      candidates,
      amountOutliers: outliers,
      earlyClaims: earlyClaimsChecked ? early : null,
      earlyClaimWindowDays: EARLY_CLAIM_DAYS,
      flaggedIncurredAmount: flaggedIncurred,
      openExposure: statusKnown ? openExposure : null,
      topClaimIds: review.listed.slice(0, 10).map((c) => c.claimId),
    },
  };
}
