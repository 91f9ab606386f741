import { LINES_OF_BUSINESS, type LineOfBusiness } from '../../shared/code-lists.js';
import type { FileFields } from '../../shared/field-availability.js';
import type { InsuranceRecord } from '../insurance-record.js';
import { PortfolioTally, round } from '../portfolio-figures.js';
import type { Opportunity } from './opportunity.js';

/** The loss ratio pricing aims for, leaving room for expenses and margin. */
export const TARGET_LOSS_RATIO = 0.65;
/** Above this a line is losing money after expenses and is worth repricing. */
export const REPRICE_ABOVE_LOSS_RATIO = 0.75;
/** Below this many policies a loss ratio is noise, not experience. */
export const MIN_POLICIES_FOR_PRICING = 3;

export interface LineExperience {
  lineOfBusiness: LineOfBusiness;
  policies: number;
  /** Null when the file has no claim ids (a policy register). */
  claims: number | null;
  /** Null when the file has no premium (a claims register). */
  writtenPremium: number | null;
  /** Paid plus case reserves; null when the file has no claims or claim amounts (a policy register). */
  incurredLosses: number | null;
  lossRatio: number | null;
}

/**
 * Loss experience per line of business, added one record at a time; the caller says which
 * record is its policy's first (a policy belongs to one line: validation made its lines agree).
 */
export class ExperienceByLine {
  private readonly lines = new Map<LineOfBusiness, PortfolioTally>();

  add(record: InsuranceRecord, firstOfPolicy: boolean): void {
    if (record.line_of_business === null) return;
    let tally = this.lines.get(record.line_of_business);
    if (!tally) this.lines.set(record.line_of_business, (tally = new PortfolioTally()));
    tally.add(record, firstOfPolicy);
  }

  experience(fields: FileFields): LineExperience[] {
    return [...this.lines.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([lineOfBusiness, tally]) => {
        const { policies, claims, writtenPremium, incurredLosses, lossRatio } = tally.figures(fields);
        return { lineOfBusiness, policies, claims, writtenPremium, incurredLosses, lossRatio };
      });
  }
}

/** A line with both premium and losses known, so a loss ratio. */
type PricedLine = LineExperience & { writtenPremium: number; incurredLosses: number; lossRatio: number };

function isPriced(line: LineExperience): line is PricedLine {
  return line.lossRatio !== null && line.writtenPremium !== null && line.incurredLosses !== null;
}

/** One opportunity per line whose loss ratio is above the repricing threshold. */
export function repricingOpportunities(experience: readonly LineExperience[]): Opportunity[] {
  return experience
    .filter(isPriced)
    .filter((line) => line.lossRatio > REPRICE_ABOVE_LOSS_RATIO && line.policies >= MIN_POLICIES_FOR_PRICING)
    .map((line) => {
      const requiredPremium = line.incurredLosses / TARGET_LOSS_RATIO;
      return {
        id: `reprice-${line.lineOfBusiness.toLowerCase()}`,
        kind: 'repricing' as const,
        title: `Reprice ${LINES_OF_BUSINESS[line.lineOfBusiness]} (${line.lineOfBusiness}): loss ratio ${pct(line.lossRatio)}`,
        action: `Raise ${line.lineOfBusiness} rates by about ${pct(requiredPremium / line.writtenPremium - 1)} at renewal, or tighten underwriting, to bring the loss ratio to ${pct(TARGET_LOSS_RATIO)}.`,
        estimatedValue: Math.round(requiredPremium - line.writtenPremium),
        valueBasis: `premium needed for a ${pct(TARGET_LOSS_RATIO)} loss ratio (incurred losses / ${TARGET_LOSS_RATIO}) minus written premium`,
        evidence: {
          lineOfBusiness: line.lineOfBusiness,
          policies: line.policies,
          claims: line.claims,
          writtenPremium: line.writtenPremium,
          incurredLosses: line.incurredLosses,
          lossRatio: line.lossRatio,
          targetLossRatio: TARGET_LOSS_RATIO,
          requiredRateChange: round(requiredPremium / line.writtenPremium - 1, 4),
        },
      };
    });
}

export function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
