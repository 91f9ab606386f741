import { StepRejection } from '#domain/rejections/step-rejection.js';

/**
 * The normalised copy trims column names, so names must stay present and distinct once trimmed.
 * CSV headers are already held to this by the parser; JSON keys (" id" next to "id", or "")
 * are not, and would silently merge or vanish in the NDJSON.
 */
export function rejectUnusableColumnNames(table: { columns: readonly string[]; firstRowLine?: number }): void {
  const line = table.firstRowLine ?? 1;
  const details: string[] = [];
  let code: 'missing_header' | 'duplicate_header' | undefined;
  const seen = new Set<string>();
  for (const raw of table.columns) {
    const name = raw.trim();
    if (name === '') {
      details.push(`line ${line}: a field has an empty name`);
      code ??= 'missing_header';
    } else if (seen.has(name)) {
      details.push(`line ${line}: field name "${name}" appears twice once spaces are trimmed`);
      code ??= 'duplicate_header';
    }
    seen.add(name);
  }
  if (code) throw new StepRejection(code, `${details.length} problem(s) with the field names; first: ${details[0]}`, details);
}
