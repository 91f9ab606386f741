import type { Insight } from '#domain/profiling/profile-types.js';
import { formatCount } from '#domain/insights/index.js';
import { CLAIM_COLUMNS } from '../shared/extract-columns.js';

const isClaimColumn = (column: string) => (CLAIM_COLUMNS as readonly string[]).includes(column);

/**
 * The generic findings read claim columns that are empty on every policy line without a claim as
 * "mostly missing". In this extract's shape that is by design, so those findings become one note
 * naming every such column; claim columns missing on lines that do carry a claim stay as they were.
 */
export function contextualiseClaimColumns(insights: readonly Insight[], policyOnlyLines: number): Insight[] {
  const byDesign = (insight: Insight) =>
    insight.kind === 'high_missingness' &&
    insight.columns.length > 0 &&
    insight.columns.every(isClaimColumn) &&
    Number(insight.numbers['missing'] ?? 0) <= policyOnlyLines;
  const notes = insights.filter(byDesign);
  if (notes.length === 0) return [...insights];
  const columns = notes.flatMap((i) => i.columns);
  const note: Insight = {
    id: `claim_columns_by_design:${columns.join(',')}`,
    kind: 'high_missingness',
    severity: 'info',
    columns,
    title: `${columns.length === 1 ? columns[0] : `${columns.length} claim columns`} ${columns.length === 1 ? 'is' : 'are'} empty on the ${formatCount(policyOnlyLines)} policy lines without a claim`,
    evidence: `${notes.length === 1 && notes[0]!.columns.length > 1 ? notes[0]!.evidence : `${columns.join(', ')}: ${notes.map((i) => i.evidence).join(' ')}`} That is the extract's shape, not a gap: one line per claim, and a policy without claims has one line with the claim columns empty.`,
    numbers: {
      missing: Math.max(...notes.map((i) => Number(i.numbers['missing'] ?? 0))),
      rows: Number(notes[0]!.numbers['rows'] ?? 0),
      columns: columns.length,
      policyOnlyLines,
    },
  };
  const first = insights.indexOf(notes[0]!);
  return insights.flatMap((insight, index) => (index === first ? [note] : byDesign(insight) ? [] : [insight]));
}
