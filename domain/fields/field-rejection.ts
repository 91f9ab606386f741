import { StepRejection } from '#domain/rejections/step-rejection.js';
import { COLUMN_MAP_FILE_NAME, COLUMN_MAP_METADATA_KEY } from './declared-mapping.js';
import type { FieldSet } from './field-spec.js';
import type { FieldMapping } from './field-mapping.js';
import type { Resolution } from './resolve-fields.js';

/**
 * The mapping of a resolution, or the rejection that tells the user what is missing, what was
 * seen, what came close and the one line that fixes it, in each place a mapping can be stated.
 */
export function mappingOrReject(resolution: Resolution, fieldSet: FieldSet, columns: readonly string[]): FieldMapping {
  if (resolution.ok) return resolution.mapping;
  if (resolution.code === 'invalid_column_map') {
    throw new StepRejection('invalid_column_map', `the declared column mapping cannot be applied: ${resolution.problems[0]}`, resolution.problems);
  }
  const seen = columns.length > 0 ? columns.join(', ') : 'none';
  const details = resolution.missing.map((m) => {
    const spec = fieldSet.fields.find((f) => f.name === m.field)!;
    const unit = spec.unit ? ` in ${spec.unit}` : '';
    const closest = m.closest.length > 0 ? `closest columns: ${m.closest.join(', ')}` : 'no column comes close';
    return `field "${m.field}" (${m.description}${unit}; ${m.why}): no column matched; ${closest}; fix: --map ${m.field}=${m.closest[0] ?? '<column>'}`;
  });
  const fix = resolution.missing.map((m) => `${m.field}=${m.closest[0] ?? '<column>'}`).join(',');
  details.push(`columns seen: ${seen}`);
  details.push(`to map them: symphainy upload <file> --map ${fix.split(',').join(' --map ')}`);
  details.push(`or object metadata ${COLUMN_MAP_METADATA_KEY}: ${fix}`);
  details.push(
    `or ${COLUMN_MAP_FILE_NAME} beside the upload: ${JSON.stringify(Object.fromEntries(resolution.missing.map((m) => [m.field, m.closest[0] ?? '<column>'])))}`,
  );
  throw new StepRejection(
    'missing_fields',
    `the file lacks ${resolution.missing.length === 1 ? 'a field' : 'fields'} the journey needs: ${resolution.missing.map((m) => m.field).join(', ')} (columns seen: ${seen}); add --map ${fix.split(',')[0]}`,
    details,
  );
}
