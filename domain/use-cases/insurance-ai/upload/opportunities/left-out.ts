import { fileShape, leftOutUnless, type FigureLeftOut, type FileFields } from '../../shared/field-availability.js';
import type { OpportunityKind } from './opportunity.js';

/** What each opportunity reads; without any of it the opportunity is not looked for. */
const NEEDS = {
  repricing: ['line_of_business', 'premium', 'claim_id', 'claim_amount'],
  cross_sell: ['line_of_business'],
  loyalty: ['claim_id'],
  fraud_review: ['claim_id', 'claim_amount'],
  // Loss experience is what is sold: without claims there is none.
  data_product: ['state', 'line_of_business', 'claim_id'],
} as const satisfies Record<OpportunityKind, readonly string[]>;

const WHAT: Record<OpportunityKind, string> = {
  repricing: 'repricing by line of business (it needs loss ratios)',
  cross_sell: 'cross-sell',
  loyalty: 'loyalty offer to claim-free policies',
  fraud_review: 'fraud review of claims',
  data_product: 'state x line loss-experience data product',
};

/** The opportunities this file cannot show, each with the reason in words; the rest are looked for. */
export function opportunitiesLeftOut(fields: FileFields): Map<OpportunityKind, FigureLeftOut> {
  const out = new Map<OpportunityKind, FigureLeftOut>();
  for (const kind of Object.keys(NEEDS) as OpportunityKind[]) {
    const [missing] = leftOutUnless(fields, WHAT[kind], NEEDS[kind]);
    if (missing) out.set(kind, missing);
  }
  if (!out.has('cross_sell') && !fields.has('national_id') && !fields.has('email') && !fields.has('holder_name')) {
    out.set('cross_sell', {
      figure: WHAT.cross_sell,
      because: 'the file has no holder names, national ids or email addresses to recognise one holder across policies',
    });
  }
  // A claims register lists only the policies that claimed: every policy in it has a claim.
  if (!out.has('loyalty') && fileShape(fields) === 'claims register') {
    out.set('loyalty', { figure: WHAT.loyalty, because: 'the file is a claims register (no premium), which lists only policies that claimed' });
  }
  return out;
}

/** Parts of an opportunity that are looked for but computed without a check the file cannot support. */
export function checksLeftOut(fields: FileFields, looked: ReadonlySet<OpportunityKind>): FigureLeftOut[] {
  return [
    ...(looked.has('fraud_review') ? leftOutUnless(fields, 'early-claim check in the fraud review', ['effective_date', 'claim_date']) : []),
    ...(looked.has('cross_sell') ? leftOutUnless(fields, 'cross-sell value estimate', ['premium']) : []),
    ...(looked.has('loyalty') ? leftOutUnless(fields, 'tenure ranking of the loyalty offer', ['effective_date']) : []),
  ];
}
