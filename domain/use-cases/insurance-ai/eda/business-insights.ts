import { formatCount, formatNumber, formatPercent } from '#domain/insights/index.js';
import type { AiOpportunity } from './ai-opportunities.js';
import { EARLY_CLAIM_DAYS, lineOfBusinessName, type SegmentAnalysis } from './segment-analysis.js';

export interface BusinessInsight {
  title: string;
  text: string;
  tone: 'critical' | 'warning' | 'info' | 'good';
}

/** The few statements a portfolio manager would take from the analysis, each with its figures. */
export function businessInsights(segments: SegmentAnalysis, opportunities: readonly AiOpportunity[]): BusinessInsight[] {
  const out: BusinessInsight[] = [];
  const p = segments.portfolio;
  if (p.lossRatio !== null) {
    out.push({
      title: `Portfolio loss ratio ${formatPercent(p.lossRatio)}`,
      text: `${formatNumber(p.incurred)} incurred on ${formatNumber(p.premium)} of premium across ${formatCount(p.policies)} policies; ${formatNumber(p.frequency ?? 0)} claims per policy, ${formatNumber(p.severity ?? 0)} per incurred claim.`,
      tone: p.lossRatio > 1 ? 'critical' : p.lossRatio > 0.75 ? 'warning' : 'good',
    });
  }
  const losing = segments.byLineOfBusiness.filter((s) => s.lossRatio !== null && s.lossRatio > 1);
  for (const s of losing) {
    out.push({ title: `${lineOfBusinessName(s.segment)} loses money on claims`, text: `Loss ratio ${formatPercent(s.lossRatio!)}: ${formatNumber(s.incurred)} incurred against ${formatNumber(s.premium)} premium over ${formatCount(s.policies)} policies. Reprice or tighten underwriting.`, tone: 'critical' });
  }
  const frequent = [...segments.byLineOfBusiness].filter((s) => s.frequency !== null && s.policies >= 10).sort((a, b) => b.frequency! - a.frequency!)[0];
  if (frequent && frequent.claims > 0) out.push({ title: `Claims are most frequent in ${lineOfBusinessName(frequent.segment)}`, text: `${formatNumber(frequent.frequency!)} claims per policy against ${formatNumber(p.frequency ?? 0)} for the portfolio.`, tone: 'info' });
  const severe = [...segments.byLineOfBusiness].filter((s) => s.severity !== null && s.incurredClaims >= 3).sort((a, b) => b.severity! - a.severity!)[0];
  if (severe) out.push({ title: `The costliest claims are in ${lineOfBusinessName(severe.segment)}`, text: `${formatNumber(severe.severity!)} per incurred claim on average, against ${formatNumber(p.severity ?? 0)} portfolio-wide.`, tone: 'info' });
  if (p.claims > 0 && segments.earlyClaims > 0) {
    const share = segments.earlyClaims / p.claims;
    out.push({ title: `${formatPercent(share)} of claims come within ${EARLY_CLAIM_DAYS} days of inception`, text: `${formatCount(segments.earlyClaims)} claims; median time to claim ${formatCount(segments.daysToClaim.p50 ?? 0)} days. Early claims deserve a second look.`, tone: share > 0.05 ? 'warning' : 'info' });
  }
  const topState = segments.byState[0];
  if (topState && segments.byState.length > 1) out.push({ title: `${topState.segment} writes the most premium`, text: `${formatNumber(topState.premium)} (${formatPercent(topState.premium / (p.premium || 1))} of the portfolio), loss ratio ${topState.lossRatio === null ? '–' : formatPercent(topState.lossRatio)}.`, tone: 'info' });
  const top = opportunities[0];
  if (top) out.push({ title: `Best first AI use: ${top.title.toLowerCase()}`, text: `Score ${top.score} (value ${formatPercent(top.value)}, data readiness ${formatPercent(top.readiness)}). ${top.nextStep}`, tone: 'good' });
  return out;
}

export function businessInsightsMarkdown(fileName: string, insights: readonly BusinessInsight[]): string {
  return `# Business insights: ${fileName}\n\n${insights.map((i) => `- **${i.title}.** ${i.text}`).join('\n')}\n`;
}
