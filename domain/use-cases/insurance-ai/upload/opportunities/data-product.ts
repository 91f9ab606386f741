import type { PolicyBook } from './policy-book.js';
import type { Opportunity } from './opportunity.js';

/** A published cell must cover at least this many policies so no one can be singled out (k-anonymity). */
export const MIN_POLICIES_PER_CELL = 10;

export interface DataProductInputs {
  partitions: number;
  maskedColumns: readonly string[];
  featureReadyColumns: readonly string[];
}

/**
 * Aggregated loss experience by state and line is what reinsurers, MGAs and pricing bureaus buy.
 * Only cells large enough to publish count; the value depends on buyers, so none is claimed.
 */
export function dataProductOpportunity(book: PolicyBook, years: number, inputs: DataProductInputs): Opportunity | undefined {
  const cells = new Map<string, number>();
  for (const policy of book.policies()) {
    if (policy.state === null || policy.lineOfBusiness === null) continue;
    const cell = `${policy.state}/${policy.lineOfBusiness}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  const publishable = [...cells.values()].filter((n) => n >= MIN_POLICIES_PER_CELL);
  if (publishable.length === 0) return undefined;
  return {
    id: 'data-product-loss-experience',
    kind: 'data_product',
    title: `Sell anonymised loss experience: ${publishable.length} state x line cells of ${MIN_POLICIES_PER_CELL}+ policies`,
    action: `Publish claim frequency, severity and loss ratio by state, line and year from the masked lake (${inputs.partitions} partitions), suppressing cells under ${MIN_POLICIES_PER_CELL} policies.`,
    estimatedValue: null,
    valueBasis: 'depends on buyers and licensing terms, which the extract cannot tell',
    evidence: {
      policies: book.size,
      stateLineCells: cells.size,
      publishableCells: publishable.length,
      policiesInPublishableCells: publishable.reduce((a, b) => a + b, 0),
      years,
      partitions: inputs.partitions,
      maskedColumns: [...inputs.maskedColumns],
      featureReadyColumns: [...inputs.featureReadyColumns],
    },
  };
}
