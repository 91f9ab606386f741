import type { FieldMapping } from '#domain/fields/index.js';
import { withholdEmbedded } from '#domain/profiling/personal-data.js';

/** A quoted sample value in a mapping's reasons: `(e.g. "123456789")`. */
const QUOTED_EXAMPLE = / \(e\.g\. "(?:[^"\\]|\\.)*"\)/g;

/**
 * The mapping as an EDA artifact may carry it: the reasons a column was passed over quote one of
 * its values, which may be anyone's national id or name, so the quote goes and the rest stays.
 */
export function mappingWithoutExamples(mapping: FieldMapping): FieldMapping {
  const clean = (text: string) => withholdEmbedded(text.replace(QUOTED_EXAMPLE, ' (example withheld)'));
  return { ...mapping, passedOver: mapping.passedOver.map((p) => ({ ...p, reason: clean(p.reason) })) };
}
