import { INCURRED_CLAIM_STATUSES } from '../shared/code-lists.js';
import { leftOutUnless, type FigureLeftOut, type FileFields } from '../shared/field-availability.js';
import type { InsuranceRecord } from './insurance-record.js';

export interface PortfolioFigures {
  policies: number;
  /** Null when the file has no claim ids, so none could be counted. */
  claims: number | null;
  /** Null when the file has no premium (a claims register): zero would say the policies were free. */
  writtenPremium: number | null;
  /** The claim amounts (paid, or claimed where nothing is paid yet) of the claims that cost money; null without claim amounts. */
  paidLosses: number | null;
  /** Case reserves still held on those claims; null when the file has no reserves. */
  outstandingReserves: number | null;
  /**
   * Incurred losses as actuaries count them: paid plus case reserves, or the claim amounts alone
   * when the file holds no reserves. Null when the file has no claims or no claim amounts: a
   * policy register says nothing about losses, so zero would be invented.
   */
  incurredLosses: number | null;
  /** Incurred losses over written premium; null when either is unknown or there is no premium to divide by. */
  lossRatio: number | null;
}

/**
 * The portfolio figures of a set of records, added one record at a time so a partition or a line
 * of business of any size is summed in constant memory. Premium belongs to a policy, not to a
 * line: a policy with three claims appears on three lines but its premium counts once (from its
 * first line), so the caller says which record is its policy's first in this set. Claims that
 * cost money are paid, open and reopened ones; denied and closed-without-payment claims cost
 * nothing. Without a status column every claim counts.
 */
export class PortfolioTally {
  private policies = 0;
  private claims = 0;
  private premium = 0;
  private paid = 0;
  private reserves = 0;

  add(record: InsuranceRecord, firstOfPolicy: boolean): void {
    if (firstOfPolicy) {
      this.policies++;
      this.premium += record.premium ?? 0;
    }
    if (record.claim_id === null) return;
    this.claims++;
    if (record.claim_status === null || INCURRED_CLAIM_STATUSES.has(record.claim_status)) {
      this.paid += record.claim_amount ?? 0;
      this.reserves += record.reserve_amount ?? 0;
    }
  }

  figures(fields: FileFields): PortfolioFigures {
    const claimsKnown = fields.has('claim_id');
    const writtenPremium = fields.has('premium') ? roundCents(this.premium) : null;
    const paidLosses = claimsKnown && fields.has('claim_amount') ? roundCents(this.paid) : null;
    const outstandingReserves = claimsKnown && fields.has('reserve_amount') ? roundCents(this.reserves) : null;
    const incurredLosses = paidLosses === null ? null : roundCents(paidLosses + (outstandingReserves ?? 0));
    return {
      policies: this.policies,
      claims: claimsKnown ? this.claims : null,
      writtenPremium,
      paidLosses,
      outstandingReserves,
      incurredLosses,
      lossRatio: writtenPremium !== null && writtenPremium > 0 && incurredLosses !== null ? round(incurredLosses / writtenPremium, 4) : null,
    };
  }
}

/** The portfolio figures this file cannot give, and why. */
export function portfolioFiguresLeftOut(fields: FileFields): FigureLeftOut[] {
  return [
    ...leftOutUnless(fields, 'written premium', ['premium']),
    ...leftOutUnless(fields, 'incurred losses', ['claim_id', 'claim_amount']),
    ...leftOutUnless(fields, 'loss ratio', ['premium', 'claim_id', 'claim_amount']),
  ];
}

export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
