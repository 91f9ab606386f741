import { CompactKeyIndex } from '#domain/collections/compact-key-index.js';
import type { TableRecord } from '#domain/insights/index.js';
import { BinnedDistribution, type DistributionSummary } from '#domain/insights/index.js';
import { INCURRED_CLAIM_STATUSES, LINES_OF_BUSINESS, type ClaimStatus } from '../shared/code-lists.js';
import { leftOutUnless, type FigureLeftOut, type FileFields } from '../shared/field-availability.js';
import { daysBetween } from '../shared/legacy-date.js';

/** A claim this soon after the policy starts is a classic fraud-screening signal. */
export const EARLY_CLAIM_DAYS = 30;
/** A claim ten times the median incurred claim is a large loss. */
export const LARGE_LOSS_FACTOR = 10;
/** States and years kept apart; beyond, they are pooled so memory stays bounded. */
const MAX_SEGMENTS = 100;

/** Figures the file cannot give are null: a claims register has no premium, a policy register no claims. */
export interface SegmentFigures {
  segment: string;
  policies: number;
  premium: number | null;
  claims: number | null;
  incurredClaims: number | null;
  /** Claim amounts plus case reserves where the file has them. */
  incurred: number | null;
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
  /** Null when the file lacks effective or loss dates. */
  earlyClaims: number | null;
  /** Days from loss to report; null when the file lacks loss or report dates. */
  reportingLagDays: DistributionSummary | null;
  claimAmounts: DistributionSummary;
  largeLosses: number;
  largeLossThreshold: number | null;
  unreadable: { premiums: number; claimAmounts: number; claimDates: number };
  /** What the file's fields do not allow, said in words. */
  leftOut: FigureLeftOut[];
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
  /** Hashed, not a Set of strings: an extract of ten million policies must not hold ten million strings. */
  private readonly seenPolicies = new CompactKeyIndex(4096);
  private readonly lob = new Map<string, Tally>();
  private readonly state = new Map<string, Tally>();
  private readonly year = new Map<string, Tally>();
  private readonly portfolio = newTally();
  private readonly status: Record<string, number> = {};
  // Days from inception to claim, in 7-day bins up to ten years; amounts as log10 in 0.02 steps (under 5% apart).
  private readonly daysToClaim = new BinnedDistribution(0, 3660, 7);
  private readonly reportingLag = new BinnedDistribution(0, 3660, 1);
  private readonly logAmounts = new BinnedDistribution(0, 9, 0.02);
  private earlyClaims = 0;
  private readonly unreadable = { premiums: 0, claimAmounts: 0, claimDates: 0 };

  constructor(private readonly fields: FileFields) {}

  add(record: TableRecord): void {
    const v = record.values;
    const policy = v['policy_number'];
    if (!policy) return;
    const lob = v['line_of_business'] ?? '(none)';
    const state = v['state'] ?? '(none)';
    const effective = v['effective_date'];
    const year = effective && /^\d{4}-\d{2}-\d{2}$/.test(effective) ? effective.slice(0, 4) : '(unknown)';
    const has = (field: Parameters<FileFields['has']>[0]) => this.fields.has(field);
    const tallies = [
      ...(has('line_of_business') ? [segmentTally(this.lob, lob)] : []),
      ...(has('state') ? [segmentTally(this.state, state)] : []),
      ...(has('effective_date') ? [segmentTally(this.year, year)] : []),
      this.portfolio,
    ];
    this.seenPolicies.idOf(policy);
    if (this.seenPolicies.added) {
      const premium = has('premium') ? numberOf(v['premium']) : 0;
      if (premium === undefined) this.unreadable.premiums++;
      for (const t of tallies) {
        t.policies++;
        t.premium += premium ?? 0;
      }
    }
    if (!has('claim_id') || !v['claim_id']) return;
    for (const t of tallies) t.claims++;
    const status = (v['claim_status'] ?? '(none)') as ClaimStatus;
    if (has('claim_status')) this.status[status] = (this.status[status] ?? 0) + 1;
    const amount = has('claim_amount') ? incurredAmount(numberOf(v['claim_amount']), has('reserve_amount') ? numberOf(v['reserve_amount']) : 0) : undefined;
    if (has('claim_amount') && amount === undefined) this.unreadable.claimAmounts++;
    // Without a status column nothing is known to be denied: every claim counts.
    else if (amount !== undefined && (!has('claim_status') || INCURRED_CLAIM_STATUSES.has(status))) {
      for (const t of tallies) {
        t.incurredClaims++;
        t.incurred += amount;
      }
      if (amount > 0) this.logAmounts.add(Math.log10(amount));
    }
    const claimDate = v['claim_date'];
    const reported = v['reported_date'];
    if (claimDate && reported && ISO_DATE.test(claimDate) && ISO_DATE.test(reported)) this.reportingLag.add(daysBetween(claimDate, reported));
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
    const largeLosses =
      threshold === null
        ? 0
        : this.logAmounts
            .histogram()
            .filter((b) => 10 ** b.from >= threshold)
            .reduce((s, b) => s + b.count, 0);
    const money = (x: number | null) => (x === null ? null : Math.round(10 ** x * 100) / 100);
    const figures = (segment: string, t: Tally) => figuresFor(segment, t, this.fields);
    const figuresOf = (map: Map<string, Tally>) => [...map.entries()].map(([segment, t]) => figures(segment, t));
    const byPremium = (a: SegmentFigures, b: SegmentFigures) =>
      (b.premium ?? 0) - (a.premium ?? 0) || b.policies - a.policies || a.segment.localeCompare(b.segment);
    const datesForLag = this.fields.has('claim_date') && this.fields.has('reported_date');
    return {
      byLineOfBusiness: figuresOf(this.lob).sort(byPremium),
      byState: figuresOf(this.state).sort(byPremium),
      byEffectiveYear: figuresOf(this.year).sort((a, b) => a.segment.localeCompare(b.segment)),
      portfolio: figures('portfolio', this.portfolio),
      claimStatus: Object.fromEntries(Object.entries(this.status).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      daysToClaim: this.daysToClaim.summary(0),
      earlyClaims: this.fields.has('effective_date') && this.fields.has('claim_date') ? this.earlyClaims : null,
      reportingLagDays: datesForLag ? this.reportingLag.summary(0) : null,
      claimAmounts: {
        ...amounts,
        mean: null,
        stddev: null,
        min: money(amounts.min),
        max: money(amounts.max),
        p5: money(amounts.p5),
        p25: money(amounts.p25),
        p50: money(amounts.p50),
        p75: money(amounts.p75),
        p95: money(amounts.p95),
      },
      largeLosses,
      largeLossThreshold: threshold,
      unreadable: { ...this.unreadable },
      leftOut: segmentFiguresLeftOut(this.fields),
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

function figuresFor(segment: string, t: Tally, fields: FileFields): SegmentFigures {
  const r = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
  const premium = fields.has('premium') ? r(t.premium, 2) : null;
  const claims = fields.has('claim_id') ? t.claims : null;
  const incurred = claims !== null && fields.has('claim_amount') ? r(t.incurred, 2) : null;
  const incurredClaims = incurred === null ? null : t.incurredClaims;
  return {
    segment,
    policies: t.policies,
    premium,
    claims,
    incurredClaims,
    incurred,
    frequency: claims !== null && t.policies ? r(claims / t.policies) : null,
    severity: incurred !== null && incurredClaims ? r(incurred / incurredClaims, 2) : null,
    lossRatio: premium !== null && premium > 0 && incurred !== null ? r(incurred / premium) : null,
  };
}

/** Every figure of the analysis the file's fields rule out, with the first missing field as the reason. */
export function segmentFiguresLeftOut(fields: FileFields): FigureLeftOut[] {
  return [
    ...leftOutUnless(fields, 'written premium or loss ratio', ['premium']),
    ...leftOutUnless(fields, 'claim frequency, severity, incurred losses or loss ratio', ['claim_id']),
    ...(fields.has('claim_id') ? leftOutUnless(fields, 'severity, incurred losses or loss ratio', ['claim_amount']) : []),
    ...(fields.has('claim_id') && fields.has('claim_amount')
      ? leftOutUnless(fields, 'case reserves in incurred losses (claim amounts alone)', ['reserve_amount'])
      : []),
    ...(fields.has('claim_id') ? leftOutUnless(fields, 'claim status mix (every claim counts as incurred)', ['claim_status']) : []),
    ...leftOutUnless(fields, 'figures by line of business', ['line_of_business']),
    ...leftOutUnless(fields, 'figures by state', ['state']),
    ...leftOutUnless(fields, 'figures by policy year, time to claim or early claims', ['effective_date']),
    ...(fields.has('claim_id') ? leftOutUnless(fields, 'reporting lag', ['claim_date', 'reported_date']) : []),
  ];
}

/** A claim's cost: its amount plus any reserve still held; undefined when either is unreadable. */
function incurredAmount(amount: number | undefined, reserve: number | undefined): number | undefined {
  return amount === undefined || reserve === undefined ? undefined : amount + reserve;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function numberOf(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
