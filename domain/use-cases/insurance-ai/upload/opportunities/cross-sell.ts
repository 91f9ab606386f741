import type { LineOfBusiness } from '../../shared/code-lists.js';
import { quantileOfSorted } from '../stats.js';
import { LINE_CODES, type PolicyBook } from './policy-book.js';
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
export function crossSellOpportunity(book: PolicyBook, claimFreeKnown = true): Opportunity | undefined {
  // Per holder: the lines held, one bit per line of business, and the claims on them.
  const linesOf = new Uint8Array(book.holders);
  const claimsOf = new Uint32Array(book.holders);
  const premiums = new Float64Array(book.size);
  let priced = 0;
  for (const policy of book.policies()) {
    if (policy.premium !== null) premiums[priced++] = policy.premium;
    if (policy.lineOfBusiness === null) continue;
    linesOf[policy.holder]! |= 1 << LINE_CODES.indexOf(policy.lineOfBusiness);
    claimsOf[policy.holder]! += policy.claims;
  }
  let holders = 0;
  let singles = 0;
  let claimFreeSingle = 0;
  const singleByLine: Record<string, number> = {};
  const multi: number[] = [];
  for (let holder = 0; holder < linesOf.length; holder++) {
    const lines = linesOf[holder]!;
    if (lines === 0) continue;
    holders++;
    if (bitCount(lines) > 1) {
      multi.push(lines);
      continue;
    }
    singles++;
    if (claimsOf[holder] === 0) claimFreeSingle++;
    const line = LINE_CODES[31 - Math.clz32(lines)]!;
    singleByLine[line] = (singleByLine[line] ?? 0) + 1;
  }
  if (singles === 0) return undefined;
  const nextBestLine: Record<string, string | null> = {};
  for (const line of Object.keys(singleByLine).sort()) nextBestLine[line] = mostCommonCompanion(line as LineOfBusiness, multi);

  const medianPremium = priced > 0 ? quantileOfSorted(premiums.subarray(0, priced).sort(), 0.5) : null;
  return {
    id: 'cross-sell-single-line-holders',
    kind: 'cross_sell',
    title: `Cross-sell to ${singles} holders with a single line of business`,
    action: `Offer each single-line holder the line most often held alongside theirs${claimFreeKnown ? `, starting with the ${claimFreeSingle} who have never claimed` : ''}.`,
    estimatedValue: medianPremium === null ? null : Math.round(singles * medianPremium * ASSUMED_CROSS_SELL_TAKE_UP),
    valueBasis:
      medianPremium === null
        ? 'not estimable: the file has no premium to value a second policy by'
        : `single-line holders x median policy premium (${medianPremium.toFixed(2)}) x an assumed ${ASSUMED_CROSS_SELL_TAKE_UP * 100}% take-up`,
    evidence: {
      holders,
      singleLineHolders: singles,
      multiLineHolders: multi.length,
      singleLineShare: Math.round((singles / holders) * 1000) / 1000,
      claimFreeSingleLineHolders: claimFreeKnown ? claimFreeSingle : null,
      singleLineHoldersByLine: singleByLine,
      nextBestLine,
      medianPolicyPremium: medianPremium,
    },
  };
}

function mostCommonCompanion(line: LineOfBusiness, multi: readonly number[]): string | null {
  const bit = 1 << LINE_CODES.indexOf(line);
  const counts = new Map<string, number>();
  for (const lines of multi) {
    if ((lines & bit) === 0) continue;
    LINE_CODES.forEach((other, i) => {
      if (other !== line && lines & (1 << i)) counts.set(other, (counts.get(other) ?? 0) + 1);
    });
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best?.[0] ?? null;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
