import type { ColumnProfile, DatasetProfile } from '#domain/profiling/profile-types.js';
import { formatCount, formatNumber, formatPercent } from '#domain/insights/index.js';
import { OPEN_CLAIM_STATUSES, type ClaimStatus } from '../shared/code-lists.js';
import { INSURANCE_FIELDS } from '../shared/fields.js';
import type { LegacyFormats } from './load-legacy-data.js';
import { EARLY_CLAIM_DAYS, lineOfBusinessName, type SegmentAnalysis } from './segment-analysis.js';

const MIN_CLAIMS_FOR_RATIO = 5;
const FIELD_NAMES = new Set(INSURANCE_FIELDS.fields.map((f) => f.name));

export interface AiOpportunity {
  id: string;
  title: string;
  /** What the use would be worth to the business, from the data's own figures: 0 to 1. */
  value: number;
  /** How ready the data is for it: the share of the needed values present and readable, 0 to 1. */
  readiness: number;
  /** value × readiness, as a percentage: the ranking key. */
  score: number;
  evidence: string;
  dataNeeded: string[];
  nextStep: string;
}

/**
 * Where AI would pay off in this portfolio, ranked by value times data readiness. Every value
 * and readiness is computed from the extract itself; the weights are deliberately simple so a
 * reviewer can recompute them from segment-analysis.json and profile.json.
 */
export function identifyOpportunities(profile: DatasetProfile, segments: SegmentAnalysis, formats: LegacyFormats): AiOpportunity[] {
  const completeness = (...names: string[]) => {
    const columns = names.map((n) => profile.columns.find((c) => c.name === n));
    if (columns.some((c) => !c) || profile.rows === 0) return 0;
    return Math.min(...(columns as ColumnProfile[]).map((c) => c.count / profile.rows));
  };
  // Zero claims to measure readiness over when the file has none; the evidence says so in words.
  const claims = segments.portfolio.claims ?? 0;
  const present = new Set(formats.fieldsPresent);
  const notInFile = (needed: readonly string[]) => {
    const missing = needed.filter((f) => FIELD_NAMES.has(f) && !present.has(f));
    return missing.length === 0 ? '' : ` Not in this file: ${missing.join(', ')}.`;
  };
  /** Claim columns are empty on policy-only lines by design, so their readiness is measured over claim lines. */
  const claimReadiness = (unreadable: number) => (claims === 0 ? 0 : Math.max(0, 1 - unreadable / claims));
  const open = Object.entries(segments.claimStatus)
    .filter(([s]) => OPEN_CLAIM_STATUSES.has(s as ClaimStatus))
    .reduce((sum, [, n]) => sum + n, 0);
  // A line with a handful of claims has a loss ratio of luck, not of risk: it does not set the spread.
  const ratios = segments.byLineOfBusiness.filter((s) => s.lossRatio !== null && (s.premium ?? 0) > 0 && (s.claims ?? 0) >= MIN_CLAIMS_FOR_RATIO);
  const worst = [...ratios].sort((a, b) => b.lossRatio! - a.lossRatio!)[0];
  const best = [...ratios].sort((a, b) => a.lossRatio! - b.lossRatio!)[0];
  const spread = worst && best ? worst.lossRatio! - best.lossRatio! : 0;
  const earlyShare = claims && segments.earlyClaims !== null ? segments.earlyClaims / claims : 0;
  const largeShare = segments.portfolio.incurredClaims ? segments.largeLosses / segments.portfolio.incurredClaims : 0;
  const contact = Math.max(completeness('email'), completeness('phone'));
  const legacyValues = Object.values(formats.dateFormats).reduce((s, n) => s + n, 0);
  const nonIsoDates = legacyValues - (formats.dateFormats['ISO'] ?? 0);
  const legacyShare = formats.records
    ? Math.min(1, (nonIsoDates + formats.decoratedAmounts + formats.sentinelDates + formats.unevenCodes) / (formats.records * 2))
    : 0;

  const opportunities: Omit<AiOpportunity, 'score'>[] = [
    {
      id: 'risk_based_pricing',
      title: 'Risk-based pricing by segment',
      value: clamp(spread),
      readiness: Math.min(completeness('premium', 'line_of_business'), claimReadiness(segments.unreadable.claimAmounts)),
      evidence:
        worst && best && worst !== best
          ? `Loss ratios range from ${formatPercent(best.lossRatio!)} (${lineOfBusinessName(best.segment)}) to ${formatPercent(worst.lossRatio!)} (${lineOfBusinessName(worst.segment)}): prices do not follow risk evenly. ${losingLines(ratios.filter((s) => s.lossRatio! > 1).length)}`
          : segments.portfolio.lossRatio === null
            ? 'No loss ratios to compare: the file lacks premium or claim amounts.'
            : `Fewer than two lines of business have ${MIN_CLAIMS_FOR_RATIO} or more claims: too little history to compare their loss ratios.`,
      dataNeeded: ['premium', 'line_of_business', 'state', 'claim_amount', 'claim_status'],
      nextStep: 'Train a frequency–severity model per line on this history; compare its technical price with the written premium.',
    },
    {
      id: 'claims_fraud_screening',
      title: 'Fraud screening of new claims',
      value: clamp(earlyShare * 4 + largeShare * 4),
      readiness: Math.min(completeness('effective_date'), claimReadiness(segments.unreadable.claimDates + segments.unreadable.claimAmounts)),
      evidence: `${segments.earlyClaims === null ? 'Early claims cannot be told: the file lacks effective or loss dates;' : `${formatCount(segments.earlyClaims)} of ${formatCount(claims)} claims (${formatPercent(earlyShare)}) arrive within ${EARLY_CLAIM_DAYS} days of the policy starting, and`} ${formatCount(segments.largeLosses)} incurred claims are ${segments.largeLossThreshold === null ? 'large losses' : `above ${formatNumber(segments.largeLossThreshold)} (ten times the median)`}: both classic review triggers.`,
      dataNeeded: ['effective_date', 'claim_date', 'claim_amount', 'holder_name', 'national_id'],
      nextStep:
        'Score each new claim on time-since-inception, amount against its segment and prior claims of the holder; route the top few per cent to review.',
    },
    {
      id: 'claims_triage',
      title: 'Claims triage and straight-through payment',
      value: clamp((claims ? open / claims : 0) * 2 + Math.min(1, claims / 5000) * 0.5),
      readiness: claimReadiness(segments.unreadable.claimAmounts),
      evidence: `${segments.portfolio.claims === null ? 'The file has no claims;' : `${formatCount(claims)} claims, ${present.has('claim_status') ? `${formatCount(open)} (${formatPercent(claims ? open / claims : 0)}) still open or reopened` : 'with no status to tell open ones'};`} median incurred claim ${segments.claimAmounts.p50 === null ? 'unknown' : formatNumber(segments.claimAmounts.p50)}. Small, clean claims could be paid without a handler.`,
      dataNeeded: ['claim_amount', 'claim_status', 'line_of_business'],
      nextStep: 'Classify incoming claims into fast-track and handler queues by amount and line; measure cycle time before and after.',
    },
    {
      id: 'retention_and_cross_sell',
      title: 'Retention and cross-sell outreach',
      value: clamp(0.3 + 0.1 * Math.min(5, segments.byLineOfBusiness.length)),
      readiness: contact,
      evidence: `${segments.byLineOfBusiness.length} lines of business to cross-sell between; ${formatPercent(contact)} of records carry a way to reach the holder (email or phone).`,
      dataNeeded: ['holder_name', 'email', 'phone', 'line_of_business', 'effective_date'],
      nextStep: 'Propensity model for a second line per holder; fill contact gaps first where readiness is low.',
    },
    {
      id: 'legacy_data_normalisation',
      title: 'Automated normalisation of legacy records',
      // An enabler rather than a revenue line, so it is capped below the uses it unlocks.
      value: 0.6 * clamp(legacyShare * 2),
      readiness: formats.records ? 1 - (formats.unreadableDates + formats.unreadableAmounts) / (formats.records * 2) : 0,
      evidence: `${formatCount(nonIsoDates)} dates in legacy formats (${Object.keys(formats.dateFormats).join(', ') || 'none'}), ${formatCount(formats.sentinelDates)} all-zero "no date" sentinels, ${formatCount(formats.decoratedAmounts)} amounts with $, commas, leading zeros or trailing signs, ${formatCount(formats.unevenCodes)} codes in mixed case: work every downstream model repeats unless it is done once.`,
      dataNeeded: ['every column, as extracted'],
      nextStep: 'Publish the normalised extract (ISO dates, plain amounts, upper-case codes) as the lake\u2019s source of truth.',
    },
  ];
  return opportunities
    .map((o) => ({ ...o, evidence: `${o.evidence}${notInFile(o.dataNeeded)}` }))
    .map((o) => ({ ...o, value: round(o.value), readiness: round(clamp(o.readiness)), score: Math.round(clamp(o.value) * clamp(o.readiness) * 100) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

function clamp(x: number): number {
  return Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function losingLines(n: number): string {
  return n === 0 ? 'No line loses money on claims alone.' : `${n} line${n === 1 ? '' : 's'} lose${n === 1 ? 's' : ''} money on claims alone.`;
}
