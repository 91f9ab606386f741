import { describeReading, type FieldMapping } from '#domain/fields/index.js';
import type { ReportSection } from '../html/report-model.js';
import { mappingWithoutExamples } from './mapping-without-examples.js';

/** Which column the analysis read as which field: a figure is only as good as the column behind it. */
export function columnMappingSection(stored: FieldMapping): ReportSection {
  const mapping = mappingWithoutExamples(stored);
  const blocks: ReportSection['blocks'] = [
    {
      kind: 'table',
      caption: 'Fields read from the file',
      columns: ['Field', 'Column', 'Read as', 'Matched by'],
      rows: mapping.fields.map((f) => [f.field, f.column, describeReading(f), f.because]),
    },
  ];
  const notes = [
    ...mapping.absent.map((a) => ({ title: `${a.field} absent`, text: a.withoutIt, tone: 'info' as const })),
    ...mapping.ambiguities.map((a) => ({
      title: `${a.field} ambiguous`,
      text: `chose "${a.chosen}" over ${a.alsoFitting.map((c) => `"${c}"`).join(', ')}: ${a.reason}`,
      tone: 'warning' as const,
    })),
    ...mapping.passedOver.map((p) => ({ title: `"${p.column}" passed over`, text: `for ${p.field}: ${p.reason}`, tone: 'warning' as const })),
  ];
  if (notes.length > 0) blocks.push({ kind: 'list', items: notes });
  if (mapping.unmapped.length > 0)
    blocks.push({ kind: 'paragraph', text: `Columns no field uses (profiled above, not analysed): ${mapping.unmapped.join(', ')}.` });
  return {
    id: 'column-mapping',
    title: 'Column mapping',
    intro:
      mapping.declaredBy.length > 0
        ? `Declared by ${mapping.declaredBy.join(', ')}; the rest matched by name and content.`
        : 'Matched by name and content; declare a column-map to override.',
    blocks,
  };
}
