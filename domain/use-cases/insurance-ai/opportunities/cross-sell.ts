import type { LineOfBusiness } from '../code-lists.js';
import { median } from '../stats.js';
import type { PolicySummary } from './holders.js';
import type { Opportunity } from './opportunity.js';

/** Share of contacted single-line holders assumed to buy a second line; a common campaign planning figure. */
export const ASSUMED_CROSS_SELL_TAKE_UP = 0.05;

/**
 * Holders with a single line of business are the cheapest growth there is: already customers,
 * already verified. The line to offer each is the one most often held alongside theirs by the
 * holders who already have several.
 */
/**
 * `claimFreeKnown` is false when the file cannot tell a policy without claims: a policy register
 * has no claims at all, a claims register only policies that claimed.
 */
export function crossSellOpportunity(policies: readonly PolicySummary[], claimFreeKnown = true): Opportunity | undefined {
  const linesByHolder = new Map<string, Set<LineOfBusiness>>();
  const claimsByHolder = new Map<string, number>();
  for (const policy of policies) {
    if (policy.lineOfBusiness === null) continue;
    linesByHolder.set(policy.holder, (linesByHolder.get(policy.holder) ?? new Set()).add(policy.lineOfBusiness));
    claimsByHolder.set(policy.holder, (claimsByHolder.get(policy.holder) ?? 0) + policy.claims.length);
  }
  const single = [...linesByHolder.entries()].filter(([, lines]) => lines.size === 1);
  if (single.length === 0) return undefined;
  const multi = [...linesByHolder.values()].filter((lines) => lines.size > 1);

  const singleByLine: Record<string, number> = {};
  for (const [, lines] of single) for (const line of lines) singleByLine[line] = (singleByLine[line] ?? 0) + 1;
  const nextBestLine: Record<string, string | null> = {};
  for (const line of Object.keys(singleByLine).sort()) nextBestLine[line] = mostCommonCompanion(line as LineOfBusiness, multi);

  const claimFreeSingle = single.filter(([holder]) => (claimsByHolder.get(holder) ?? 0) === 0).length;
  const premiums = policies.map((p) => p.premium).filter((p): p is number => p !== null);
  const medianPremium = premiums.length > 0 ? median(premiums) : null;
  return {
    id: 'cross-sell-single-line-holders',
    kind: 'cross_sell',
    title: `Cross-sell to ${single.length} holders with a single line of business`,
    action: `Offer each single-line holder the line most often held alongside theirs${claimFreeKnown ? `, starting with the ${claimFreeSingle} who have never claimed` : ''}.`,
    estimatedValue: medianPremium === null ? null : Math.round(single.length * medianPremium * ASSUMED_CROSS_SELL_TAKE_UP),
    valueBasis:
      medianPremium === null
        ? 'not estimable: the file has no premium to value a second policy by'
        : `single-line holders x median policy premium (${medianPremium.toFixed(2)}) x an assumed ${ASSUMED_CROSS_SELL_TAKE_UP * 100}% take-up`,
    evidence: {
      holders: linesByHolder.size,
      singleLineHolders: single.length,
      multiLineHolders: multi.length,
      singleLineShare: Math.round((single.length / linesByHolder.size) * 1000) / 1000,
      claimFreeSingleLineHolders: claimFreeKnown ? claimFreeSingle : null,
      singleLineHoldersByLine: singleByLine,
      nextBestLine,
      medianPolicyPremium: medianPremium,
    },
  };
}

function mostCommonCompanion(line: LineOfBusiness, multi: readonly Set<LineOfBusiness>[]): string | null {
  const counts = new Map<string, number>();
  for (const lines of multi) {
    if (!lines.has(line)) continue;
    for (const other of lines) if (other !== line) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best?.[0] ?? null;
}
