export type OpportunityKind = 'repricing' | 'cross_sell' | 'loyalty' | 'fraud_review' | 'data_product';

export type EvidenceValue = number | string | null | readonly string[] | Readonly<Record<string, number | string | null>>;

export interface Opportunity {
  id: string;
  kind: OpportunityKind;
  title: string;
  /** One sentence: what to do and why the data says so. */
  action: string;
  /** Yearly value in the extract's currency where the data supports an estimate, else null. */
  estimatedValue: number | null;
  /** How the value was estimated, or why it cannot be from this extract. */
  valueBasis: string;
  evidence: Readonly<Record<string, EvidenceValue>>;
}

export type RankedOpportunity = Opportunity & { rank: number };

/**
 * Valued opportunities first, largest first; unvalued ones after, in the order found. A number,
 * even one resting on a stated assumption, is easier to act on than none.
 */
export function rankOpportunities(opportunities: readonly Opportunity[]): RankedOpportunity[] {
  const valued = opportunities.filter((o) => o.estimatedValue !== null).sort((a, b) => b.estimatedValue! - a.estimatedValue! || a.id.localeCompare(b.id));
  const unvalued = opportunities.filter((o) => o.estimatedValue === null);
  return [...valued, ...unvalued].map((opportunity, i) => ({ ...opportunity, rank: i + 1 }));
}
