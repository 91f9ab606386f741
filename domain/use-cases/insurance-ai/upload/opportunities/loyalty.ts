import { roundCents } from '../portfolio-figures.js';
import { dayOf, type PolicyBook } from './policy-book.js';
import type { Opportunity } from './opportunity.js';

/** Policies in force at least this long without a claim are the loyalty offer's core. */
export const LOYAL_TENURE_YEARS = 3;

/**
 * Claim-free policies are the profitable ones to keep. Their value cannot be estimated from an
 * extract: it takes renewal history to know how many would otherwise leave.
 */
export function loyaltyOpportunity(book: PolicyBook, today: string): Opportunity | undefined {
  const todayDay = dayOf(today);
  let claimFree = 0;
  let tenureKnown = false;
  let longTenure = 0;
  let premiumKnown = false;
  let claimFreePremium = 0;
  const byLine: Record<string, number> = {};
  for (const p of book.policies()) {
    if (p.claims > 0) continue;
    claimFree++;
    if (p.effectiveDay !== null) {
      tenureKnown = true;
      if (todayDay - p.effectiveDay >= LOYAL_TENURE_YEARS * 365.25) longTenure++;
    }
    if (p.lineOfBusiness !== null) byLine[p.lineOfBusiness] = (byLine[p.lineOfBusiness] ?? 0) + 1;
    if (p.premium !== null) premiumKnown = true;
    claimFreePremium += p.premium ?? 0;
  }
  if (claimFree === 0) return undefined;
  return {
    id: 'loyalty-claim-free-policies',
    kind: 'loyalty',
    title: `Loyalty offer for ${claimFree} claim-free policies`,
    action: tenureKnown
      ? `Offer a claim-free renewal discount or perk, first to the ${longTenure} policies claim-free for ${LOYAL_TENURE_YEARS}+ years, to protect profitable premium from competitors.`
      : 'Offer a claim-free renewal discount or perk to protect profitable premium from competitors (the file has no effective dates, so tenure cannot rank them).',
    estimatedValue: null,
    valueBasis: 'not estimable from one extract: retention uplift needs renewal and lapse history',
    evidence: {
      policies: book.size,
      claimFreePolicies: claimFree,
      claimFreeShare: Math.round((claimFree / book.size) * 1000) / 1000,
      claimFreePremium: premiumKnown ? roundCents(claimFreePremium) : null,
      claimFreeForYears: tenureKnown ? longTenure : null,
      tenureYears: LOYAL_TENURE_YEARS,
      claimFreeByLine: byLine,
    },
  };
}
