import { daysBetween } from '../legacy-date.js';
import { roundCents } from '../portfolio-figures.js';
import type { PolicySummary } from './holders.js';
import type { Opportunity } from './opportunity.js';

/** Policies in force at least this long without a claim are the loyalty offer's core. */
export const LOYAL_TENURE_YEARS = 3;

/**
 * Claim-free policies are the profitable ones to keep. Their value cannot be estimated from an
 * extract: it takes renewal history to know how many would otherwise leave.
 */
export function loyaltyOpportunity(policies: readonly PolicySummary[], today: string): Opportunity | undefined {
  const claimFree = policies.filter((p) => p.claims.length === 0);
  if (claimFree.length === 0) return undefined;
  const tenureKnown = claimFree.some((p) => p.effectiveDate !== null);
  const longTenure = claimFree.filter((p) => p.effectiveDate !== null && daysBetween(p.effectiveDate, today) >= LOYAL_TENURE_YEARS * 365.25);
  const byLine: Record<string, number> = {};
  for (const p of claimFree) if (p.lineOfBusiness !== null) byLine[p.lineOfBusiness] = (byLine[p.lineOfBusiness] ?? 0) + 1;
  const premiumKnown = claimFree.some((p) => p.premium !== null);
  return {
    id: 'loyalty-claim-free-policies',
    kind: 'loyalty',
    title: `Loyalty offer for ${claimFree.length} claim-free policies`,
    action: tenureKnown
      ? `Offer a claim-free renewal discount or perk, first to the ${longTenure.length} policies claim-free for ${LOYAL_TENURE_YEARS}+ years, to protect profitable premium from competitors.`
      : 'Offer a claim-free renewal discount or perk to protect profitable premium from competitors (the file has no effective dates, so tenure cannot rank them).',
    estimatedValue: null,
    valueBasis: 'not estimable from one extract: retention uplift needs renewal and lapse history',
    evidence: {
      policies: policies.length,
      claimFreePolicies: claimFree.length,
      claimFreeShare: Math.round((claimFree.length / policies.length) * 1000) / 1000,
      claimFreePremium: premiumKnown ? roundCents(claimFree.reduce((sum, p) => sum + (p.premium ?? 0), 0)) : null,
      claimFreeForYears: tenureKnown ? longTenure.length : null,
      tenureYears: LOYAL_TENURE_YEARS,
      claimFreeByLine: byLine,
    },
  };
}
