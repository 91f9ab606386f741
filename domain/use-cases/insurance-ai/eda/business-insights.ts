import { formatCount, formatNumber, formatPercent } from '#domain/insights/index.js';
import type { AiOpportunity } from './ai-opportunities.js';
import { EARLY_CLAIM_DAYS, lineOfBusinessName, type SegmentAnalysis } from './segment-analysis.js';

export interface BusinessInsight {
  title: string;
  text: string;
  tone: 'critical' | 'warning' | 'info' | 'good';
}

/** The few statements a portfolio manager would take from the analysis, each with its figures; then what the file could not show. */
export function businessInsights(segments: SegmentAnalysis, opportunities: readonly AiOpportunity[]): BusinessInsight[] {
  const out: BusinessInsight[] = [];
  const p = segments.portfolio;
  const num = (x: number | null) => (x === null ? '–' : formatNumber(x));
  if (p.lossRatio !== null) {
    out.push({
      title: `Portfolio loss ratio ${formatPercent(p.lossRatio)}`,
      text: `${num(p.incurred)} incurred on ${num(p.premium)} of premium across ${formatCount(p.policies)} policies; ${num(p.frequency)} claims per policy, ${num(p.severity)} per incurred claim.`,
      tone: p.lossRatio > 1 ? 'critical' : p.lossRatio > 0.75 ? 'warning' : 'good',
    });
  } else if (p.incurred !== null && p.claims !== null) {
    out.push({
      title: `${num(p.incurred)} incurred on ${formatCount(p.claims)} claims`,
      text: `Across ${formatCount(p.policies)} policies; ${num(p.severity)} per incurred claim.`,
      tone: 'info',
    });
  }
  const losing = segments.byLineOfBusiness.filter((s) => s.lossRatio !== null && s.lossRatio > 1);
  for (const s of losing) {
    out.push({
      title: `${lineOfBusinessName(s.segment)} loses money on claims`,
      text: `Loss ratio ${formatPercent(s.lossRatio!)}: ${num(s.incurred)} incurred against ${num(s.premium)} premium over ${formatCount(s.policies)} policies. Reprice or tighten underwriting.`,
      tone: 'critical',
    });
  }
  const frequent = [...segments.byLineOfBusiness].filter((s) => s.frequency !== null && s.policies >= 10).sort((a, b) => b.frequency! - a.frequency!)[0];
  if (frequent && (frequent.claims ?? 0) > 0)
    out.push({
      title: `Claims are most frequent in ${lineOfBusinessName(frequent.segment)}`,
      text: `${formatNumber(frequent.frequency!)} claims per policy against ${num(p.frequency)} for the portfolio.`,
      tone: 'info',
    });
  const severe = [...segments.byLineOfBusiness].filter((s) => s.severity !== null && (s.incurredClaims ?? 0) >= 3).sort((a, b) => b.severity! - a.severity!)[0];
  if (severe)
    out.push({
      title: `The costliest claims are in ${lineOfBusinessName(severe.segment)}`,
      text: `${formatNumber(severe.severity!)} per incurred claim on average, against ${num(p.severity)} portfolio-wide.`,
      tone: 'info',
    });
  if (p.claims && segments.earlyClaims) {
    const share = segments.earlyClaims / p.claims;
    out.push({
      title: `${formatPercent(share)} of claims come within ${EARLY_CLAIM_DAYS} days of inception`,
      text: `${formatCount(segments.earlyClaims)} claims; median time to claim ${formatCount(segments.daysToClaim.p50 ?? 0)} days. Early claims deserve a second look.`,
      tone: share > 0.05 ? 'warning' : 'info',
    });
  }
  const lag = segments.reportingLagDays;
  if (lag && lag.p50 !== null)
    out.push({
      title: `Claims are reported a median ${formatCount(lag.p50)} days after the loss`,
      text: `A quarter take ${formatCount(lag.p75 ?? lag.p50)} days or more: late reports cost evidence and raise severity.`,
      tone: (lag.p75 ?? 0) > 30 ? 'warning' : 'info',
    });
  const topState = segments.byState[0];
  if (topState && topState.premium !== null && p.premium && segments.byState.length > 1)
    out.push({
      title: `${topState.segment} writes the most premium`,
      text: `${formatNumber(topState.premium)} (${formatPercent(topState.premium / p.premium)} of the portfolio)${topState.lossRatio === null ? '' : `, loss ratio ${formatPercent(topState.lossRatio)}`}.`,
      tone: 'info',
    });
  const top = opportunities[0];
  if (top)
    out.push({
      title: `Best first AI use: ${top.title.toLowerCase()}`,
      text: `Score ${top.score} (value ${formatPercent(top.value)}, data readiness ${formatPercent(top.readiness)}). ${top.nextStep}`,
      tone: 'good',
    });
  for (const gap of segments.leftOut)
    out.push({ title: `No ${gap.figure}`, text: `Not computed: ${gap.because}. Map the column if the file has it under another name (--map).`, tone: 'info' });
  return out;
}

export function businessInsightsMarkdown(fileName: string, insights: readonly BusinessInsight[]): string {
  return `# Business insights: ${fileName}\n\n${insights.map((i) => `- **${i.title}.** ${i.text}`).join('\n')}\n`;
}
