import { formatCount, formatNumber, formatPercent } from '#domain/insights/index.js';
import { barChartSpec, renderChart, yearChartSpec, type ReportSection } from '#domain/reporting/index.js';
import { CLAIM_STATUSES, isClaimStatus } from '../shared/code-lists.js';
import type { AiOpportunity } from './ai-opportunities.js';
import type { BusinessInsight } from './business-insights.js';
import type { LegacyFormats } from './load-legacy-data.js';
import { lineOfBusinessName, type SegmentAnalysis, type SegmentFigures } from './segment-analysis.js';

const pct = (x: number | null) => (x === null ? '–' : formatPercent(x));
const num = (x: number | null) => (x === null ? '–' : formatNumber(x));
const count = (x: number | null) => (x === null ? '–' : formatCount(x));

function segmentTable(rows: readonly SegmentFigures[], label: string, caption: string, name = (s: string) => s) {
  return {
    kind: 'table' as const,
    caption,
    columns: [label, 'policies', 'premium', 'claims', 'frequency', 'severity', 'incurred', 'loss ratio'],
    numeric: [false, true, true, true, true, true, true, true],
    rows: rows.map((s) => [
      name(s.segment),
      formatCount(s.policies),
      num(s.premium),
      count(s.claims),
      num(s.frequency),
      num(s.severity),
      num(s.incurred),
      pct(s.lossRatio),
    ]),
  };
}

const lineLabel = (s: SegmentFigures) => `${s.segment} · ${lineOfBusinessName(s.segment)}`;

async function chartOf(
  title: string,
  rows: readonly SegmentFigures[],
  value: (s: SegmentFigures) => number | null,
  options: Parameters<typeof barChartSpec>[1],
  label = lineLabel,
) {
  return {
    kind: 'chart' as const,
    title,
    svg: await renderChart(
      barChartSpec(
        rows.map((s) => ({ label: label(s), value: value(s) ?? 0 })),
        options,
      ),
    ),
  };
}

/** A policy year with fewer policies than this has a loss ratio one claim can double: drawn faint, said so. */
export const MIN_POLICIES_PER_YEAR = 20;

/** A status code with what it means, e.g. "PD · paid". */
export function claimStatusLabel(code: string): string {
  return isClaimStatus(code) ? `${code} · ${CLAIM_STATUSES[code]}` : code;
}

/**
 * Loss ratio by policy year on a year axis (a twenty-year hole shows as one), thin years and the
 * running year faint, and a note saying why: the running year's premium is written, its claims
 * are still to come.
 */
async function yearBlocks(segments: SegmentAnalysis, now: Date): Promise<ReportSection['blocks']> {
  const years = segments.byEffectiveYear.filter((s) => /^\d{4}$/.test(s.segment) && s.lossRatio !== null);
  if (years.length < 2) return [];
  const current = now.getUTCFullYear();
  const data = years.map((s) => ({
    year: Number(s.segment),
    value: s.lossRatio!,
    thin: s.policies < MIN_POLICIES_PER_YEAR,
    partial: Number(s.segment) >= current,
  }));
  const thin = data.filter((d) => d.thin).map((d) => d.year);
  const partial = data.filter((d) => d.partial).map((d) => d.year);
  const notes = [
    ...(thin.length > 0 ? [`faint: ${thin.join(', ')} (fewer than ${MIN_POLICIES_PER_YEAR} policies each, too few to compare)`] : []),
    ...(partial.length > 0
      ? [
          `${partial.join(', ')} is still running (the report is of ${now.toISOString().slice(0, 10)}): premium is written for the whole term, while its claims are still to come, so its loss ratio is understated`,
        ]
      : []),
  ];
  return [
    {
      kind: 'chart',
      title: 'Loss ratio by policy year',
      svg: await renderChart(
        yearChartSpec(data, { valueTitle: 'incurred / premium', format: '.0%', width: 360, reference: { value: 1, label: 'break-even' } }),
      ),
      caption: `Years without a bar had no policy.${notes.length > 0 ? ` ${notes.map((n) => n[0]!.toUpperCase() + n.slice(1)).join('. ')}.` : ''}`,
    },
  ];
}

/** Charts and tables only for figures the file allows; what it does not is listed, with why. */
export async function portfolioSection(segments: SegmentAnalysis, formats: LegacyFormats, now: Date): Promise<ReportSection> {
  const lines = segments.byLineOfBusiness.filter((s) => s.segment !== '(none)');
  const p = segments.portfolio;
  const any = (value: (s: SegmentFigures) => number | null) => lines.some((s) => value(s) !== null);
  const breakEven = { value: 1, label: 'break-even' };
  return {
    id: 'portfolio',
    title: 'Claims by segment',
    intro: `Frequency is claims per policy, severity the mean incurred claim (paid, open or reopened, with case reserves where the file has them), loss ratio incurred over written premium; a policy's premium counts once however many claim lines repeat it. Read from a ${formats.sourceFormat} ${formats.shape ?? 'extract'} of ${formatCount(formats.records)} records, with legacy dates, amounts and codes normalised first.`,
    blocks: [
      {
        kind: 'figures',
        items: [
          { label: 'Policies', value: formatCount(p.policies) },
          { label: 'Written premium', value: num(p.premium) },
          { label: 'Claims', value: count(p.claims), ...(p.incurredClaims === null ? {} : { note: `${formatCount(p.incurredClaims)} incurred` }) },
          { label: 'Claim frequency', value: num(p.frequency), note: 'claims per policy' },
          { label: 'Claim severity', value: num(p.severity), note: 'per incurred claim' },
          { label: 'Loss ratio', value: pct(p.lossRatio), note: `${num(p.incurred)} incurred` },
        ],
      },
      ...(any((s) => s.lossRatio)
        ? [
            await chartOf('Loss ratio by line of business', lines, (s) => s.lossRatio, {
              valueTitle: 'incurred / premium',
              format: '.0%',
              width: 360,
              reference: breakEven,
            }),
          ]
        : []),
      ...(any((s) => s.frequency)
        ? [await chartOf('Claim frequency by line of business', lines, (s) => s.frequency, { valueTitle: 'claims per policy', width: 360 })]
        : []),
      ...(any((s) => s.severity)
        ? [await chartOf('Claim severity by line of business', lines, (s) => s.severity, { valueTitle: 'mean incurred claim', format: '~s', width: 360 })]
        : []),
      ...(await yearBlocks(segments, now)),
      ...(segments.byLineOfBusiness.length > 0
        ? [segmentTable(segments.byLineOfBusiness, 'line of business', 'By line of business', (s) => `${s} (${lineOfBusinessName(s)})`)]
        : []),
      ...(segments.byState.length > 0
        ? [
            segmentTable(
              segments.byState.slice(0, 15),
              'state',
              segments.byState.length > 15 ? `The 15 states with the most premium (of ${segments.byState.length})` : 'By state',
            ),
          ]
        : []),
      ...(segments.byEffectiveYear.length > 0
        ? [
            segmentTable(
              segments.byEffectiveYear,
              'policy year',
              `By year the policy took effect (* fewer than ${MIN_POLICIES_PER_YEAR} policies; † still running)`,
              (year) =>
                `${year}${(segments.byEffectiveYear.find((s) => s.segment === year)?.policies ?? 0) < MIN_POLICIES_PER_YEAR ? ' *' : ''}${/^\d{4}$/.test(year) && Number(year) >= now.getUTCFullYear() ? ' †' : ''}`,
            ),
          ]
        : []),
      ...(Object.keys(segments.claimStatus).length > 0
        ? [
            {
              kind: 'table' as const,
              caption: 'Claim status',
              columns: ['status', 'claims', 'share'],
              numeric: [false, true, true],
              rows: Object.entries(segments.claimStatus).map(([status, n]) => [claimStatusLabel(status), formatCount(n), pct(p.claims ? n / p.claims : null)]),
            },
          ]
        : []),
      ...(segments.leftOut.length > 0
        ? [
            {
              kind: 'list' as const,
              items: segments.leftOut.map((l) => ({ title: `Not computed: ${l.figure}`, text: `${l.because}.`, tone: 'info' as const })),
            },
          ]
        : []),
    ],
  };
}

export async function opportunitiesSection(opportunities: readonly AiOpportunity[]): Promise<ReportSection> {
  return {
    id: 'ai-opportunities',
    title: 'AI opportunities',
    intro:
      'Ranked by score = value × data readiness, both read from this extract: value from the figures above, readiness from how many of the values each use needs are present and readable.',
    blocks: [
      {
        kind: 'chart',
        title: 'Value and readiness',
        svg: await renderChart(
          barChartSpec(
            opportunities.flatMap((o) => [
              { label: o.title, value: o.value, group: 'value' },
              { label: o.title, value: o.readiness, group: 'data readiness' },
            ]),
            { valueTitle: 'share', format: '.0%', width: 360 },
          ),
        ),
      },
      {
        kind: 'list',
        items: opportunities.map((o, i) => ({
          title: `${i + 1}. ${o.title} — score ${o.score}`,
          text: `${o.evidence} Next: ${o.nextStep}`,
          tone: o.score >= 40 ? ('good' as const) : o.score >= 15 ? ('info' as const) : ('warning' as const),
        })),
      },
    ],
  };
}

export function businessSection(insights: readonly BusinessInsight[]): ReportSection {
  return {
    id: 'business-insights',
    title: 'Business insights',
    blocks: [{ kind: 'list', items: insights.map((i) => ({ title: i.title, text: i.text, tone: i.tone })) }],
  };
}
