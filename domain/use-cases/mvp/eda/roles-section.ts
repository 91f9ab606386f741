import { formatCount, formatDuration } from '#domain/insights/index.js';
import type { ReportSection } from '#domain/reporting/index.js';
import type { ColumnRole } from './column-roles.js';
import type { Exploration } from './exploration.js';

const ROLE_ORDER: ColumnRole[] = ['personal', 'identifier', 'timestamp', 'measure', 'category', 'flag', 'text', 'constant', 'empty'];
const ROLE_LABELS: Record<ColumnRole, string> = {
  personal: 'personal data',
  identifier: 'identifiers',
  timestamp: 'timestamps',
  measure: 'measures',
  category: 'categories',
  flag: 'flags',
  text: 'free text',
  constant: 'constant',
  empty: 'empty',
};

/** The report section explore_data's findings become: what each column is for, and how the time columns flow. */
export function rolesSection(exploration: Exploration): ReportSection {
  const present = ROLE_ORDER.filter((role) => exploration.roles.some((r) => r.role === role));
  const sequences = exploration.timestampSequences.filter((s) => s.values > 0);
  return {
    id: 'column-roles',
    title: 'What the columns are for',
    intro: 'Roles read from each column\u2019s profile: identifiers to join on, timestamps to order by, measures to aggregate, categories to group by.',
    blocks: [
      {
        kind: 'figures',
        items: present.map((role) => ({ label: ROLE_LABELS[role], value: formatCount(exploration.roles.filter((r) => r.role === role).length) })),
      },
      {
        kind: 'table',
        columns: ['column', 'type', 'role', 'why'],
        rows: [...exploration.roles].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)).map((r) => [r.name, r.type, r.role, r.why]),
      },
      ...(sequences.length > 0
        ? [
            {
              kind: 'table' as const,
              caption: 'Timestamp columns in file order',
              columns: ['column', 'values', 'typical interval', 'gaps', 'steps back', 'repeats'],
              numeric: [false, true, true, true, true, true],
              rows: sequences.map((s) => [
                s.column,
                formatCount(s.values),
                s.medianIntervalMs === null ? '–' : formatDuration(s.medianIntervalMs),
                formatCount(s.gaps),
                formatCount(s.backwardSteps),
                formatCount(s.repeatedSteps),
              ]),
            },
          ]
        : []),
    ],
  };
}
