import type { TableRecord } from '#domain/insights/index.js';
import { BinnedDistribution, type DistributionSummary } from '#domain/insights/index.js';
import { INCURRED_CLAIM_STATUSES, LINES_OF_BUSINESS, type ClaimStatus } from '../code-lists.js';
import { daysBetween } from '../legacy-date.js';

/** A claim this soon after the policy starts is a classic fraud-screening signal. */
export const EARLY_CLAIM_DAYS = 30;
/** A claim ten times the median incurred claim is a large loss. */
export const LARGE_LOSS_FACTOR = 10;
/** States and years kept apart; beyond, they are pooled so memory stays bounded. */
const MAX_SEGMENTS = 100;

export interface SegmentFigures {
  segment: string;
  policies: number;
  premium: number;
  claims: number;
  incurredClaims: number;
  incurred: number;
  /** Claims per policy. */
  frequency: number | null;
  /** Mean incurred amount per incurred claim. */
  severity: number | null;
  /** Incurred losses over written premium. */
  lossRatio: number | null;
}

export interface SegmentAnalysis {
  byLineOfBusiness: SegmentFigures[];
  byState: SegmentFigures[];
  byEffectiveYear: SegmentFigures[];
  portfolio: SegmentFigures;
  claimStatus: Record<string, number>;
  daysToClaim: DistributionSummary;
  earlyClaims: number;
  claimAmounts: DistributionSummary;
  largeLosses: number;
  largeLossThreshold: number | null;
  unreadable: { premiums: number; claimAmounts: number; claimDates: number };
}

interface Tally {
  policies: number;
  premium: number;
  claims: number;
  incurredClaims: number;
  incurred: number;
}

const newTally = (): Tally => ({ policies: 0, premium: 0, claims: 0, incurredClaims: 0, incurred: 0 });

/**
 * Claim frequency, severity and loss ratio by line of business, state and policy year, in one
 * pass over normalised records. A policy's premium counts once however many claim lines repeat
 * it, so the policy numbers seen are kept (a few dozen bytes each).
 */
export class SegmentScan {
  private readonly seenPolicies = new Set<string>();
  private readonly lob = new Map<string, Tally>();
  private readonly state = new Map<string, Tally>();
  private readonly year = new Map<string, Tally>();
  private readonly portfolio = newTally();
  private readonly status: Record<string, number> = {};
  // Days from inception to claim, in 7-day bins up to ten years; amounts as log10 in 0.02 steps (under 5% apart).
  private readonly daysToClaim = new BinnedDistribution(0, 3660, 7);
  private readonly logAmounts = new BinnedDistribution(0, 9, 0.02);
  private earlyClaims = 0;
  private readonly unreadable = { premiums: 0, claimAmounts: 0, claimDates: 0 };

  add(record: TableRecord): void {
    const v = record.values;
    const policy = v['policy_number'];
    if (!policy) return;
    const lob = v['line_of_business'] ?? '(none)';
    const state = v['state'] ?? '(none)';
    const effective = v['effective_date'];
    const year = effective && /^\d{4}-\d{2}-\d{2}$/.test(effective) ? effective.slice(0, 4) : '(unknown)';
    const tallies = [segmentTally(this.lob, lob), segmentTally(this.state, state), segmentTally(this.year, year), this.portfolio];
    if (!this.seenPolicies.has(policy)) {
      this.seenPolicies.add(policy);
      const premium = numberOf(v['premium']);
      if (premium === undefined) this.unreadable.premiums++;
      for (const t of tallies) {
        t.policies++;
        t.premium += premium ?? 0;
      }
    }
    if (!v['claim_id']) return;
    for (const t of tallies) t.claims++;
    const status = (v['claim_status'] ?? '(none)') as ClaimStatus;
    this.status[status] = (this.status[status] ?? 0) + 1;
    const amount = numberOf(v['claim_amount']);
    if (amount === undefined) this.unreadable.claimAmounts++;
    else if (INCURRED_CLAIM_STATUSES.has(status)) {
      for (const t of tallies) {
        t.incurredClaims++;
        t.incurred += amount;
      }
      if (amount > 0) this.logAmounts.add(Math.log10(amount));
    }
    const claimDate = v['claim_date'];
    if (effective && claimDate && /^\d{4}-\d{2}-\d{2}$/.test(claimDate) && /^\d{4}-\d{2}-\d{2}$/.test(effective)) {
      const days = daysBetween(effective, claimDate);
      this.daysToClaim.add(days);
      if (days >= 0 && days < EARLY_CLAIM_DAYS) this.earlyClaims++;
    } else if (claimDate !== null && claimDate !== undefined) this.unreadable.claimDates++;
  }

  result(): SegmentAnalysis {
    const amounts = this.logAmounts.summary(4);
    const median = amounts.p50 === null ? null : 10 ** amounts.p50;
    const threshold = median === null ? null : Math.round(median * LARGE_LOSS_FACTOR * 100) / 100;
    const largeLosses = threshold === null ? 0 : this.logAmounts.histogram().filter((b) => 10 ** b.from >= threshold).reduce((s, b) => s + b.count, 0);
    const money = (x: number | null) => (x === null ? null : Math.round(10 ** x * 100) / 100);
    return {
      byLineOfBusiness: figuresOf(this.lob).sort((a, b) => b.premium - a.premium || a.segment.localeCompare(b.segment)),
      byState: figuresOf(this.state).sort((a, b) => b.premium - a.premium || a.segment.localeCompare(b.segment)),
      byEffectiveYear: figuresOf(this.year).sort((a, b) => a.segment.localeCompare(b.segment)),
      portfolio: figures('portfolio', this.portfolio),
      claimStatus: Object.fromEntries(Object.entries(this.status).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      daysToClaim: this.daysToClaim.summary(0),
      earlyClaims: this.earlyClaims,
      claimAmounts: { ...amounts, mean: null, stddev: null, min: money(amounts.min), max: money(amounts.max), p5: money(amounts.p5), p25: money(amounts.p25), p50: money(amounts.p50), p75: money(amounts.p75), p95: money(amounts.p95) },
      largeLosses,
      largeLossThreshold: threshold,
      unreadable: { ...this.unreadable },
    };
  }
}

export function lineOfBusinessName(code: string): string {
  return (LINES_OF_BUSINESS as Record<string, string>)[code] ?? code;
}

function segmentTally(map: Map<string, Tally>, key: string): Tally {
  const kept = map.has(key) || map.size < MAX_SEGMENTS ? key : '(other)';
  let tally = map.get(kept);
  if (!tally) map.set(kept, (tally = newTally()));
  return tally;
}

function figuresOf(map: Map<string, Tally>): SegmentFigures[] {
  return [...map.entries()].map(([segment, t]) => figures(segment, t));
}

function figures(segment: string, t: Tally): SegmentFigures {
  const r = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    segment,
    policies: t.policies,
    premium: r(t.premium, 2),
    claims: t.claims,
    incurredClaims: t.incurredClaims,
    incurred: r(t.incurred, 2),
    frequency: t.policies ? r(t.claims / t.policies) : null,
    severity: t.incurredClaims ? r(t.incurred / t.incurredClaims, 2) : null,
    lossRatio: t.premium > 0 ? r(t.incurred / t.premium) : null,
  };
}

function numberOf(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
