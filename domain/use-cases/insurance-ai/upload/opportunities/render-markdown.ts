import type { FigureLeftOut } from '../../shared/field-availability.js';
import type { EvidenceValue, RankedOpportunity } from './opportunity.js';

/** The opportunities as a short memo a business reader can act on without opening the JSON. */
export function renderOpportunitiesMarkdown(
  opportunities: readonly RankedOpportunity[],
  context: { records: number; policies: number; source: string; leftOut?: readonly FigureLeftOut[] },
): string {
  const lines = [
    '# Monetisation opportunities',
    '',
    `From ${context.records} extract lines (${context.policies} policies) in \`${context.source}\`. Ranked by estimated yearly value; unvalued opportunities follow.`,
    '',
  ];
  // Said first, so nobody reads the ranking as covering what this file could not show.
  if (context.leftOut && context.leftOut.length > 0) {
    lines.push('Not looked for, because of what the file lacks:', '', ...context.leftOut.map((l) => `- no ${l.figure}: ${l.because}`), '');
  }
  if (opportunities.length === 0) return [...lines, 'No opportunity cleared its threshold in this extract.', ''].join('\n');
  lines.push('| Rank | Opportunity | Estimated value |', '| ---: | --- | ---: |');
  for (const o of opportunities) lines.push(`| ${o.rank} | ${escapeCell(o.title)} | ${o.estimatedValue === null ? 'n/a' : money(o.estimatedValue)} |`);
  for (const o of opportunities) {
    lines.push(
      '',
      `## ${o.rank}. ${o.title}`,
      '',
      o.action,
      '',
      `*Value:* ${o.estimatedValue === null ? 'not estimated' : money(o.estimatedValue)} (${o.valueBasis})`,
      '',
      '*Evidence:*',
      '',
    );
    for (const [key, value] of Object.entries(o.evidence)) lines.push(`- ${key}: ${formatEvidence(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

function money(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

function formatEvidence(value: EvidenceValue): string {
  if (value === null) return 'n/a';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${v ?? 'n/a'}`)
      .join(', ');
  }
  return String(value);
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
