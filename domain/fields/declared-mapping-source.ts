import type { StepContext } from '#domain/journeys/step-definition.js';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import {
  COLUMN_MAP_FILE_NAME,
  COLUMN_MAP_METADATA_KEY,
  mergeDeclarations,
  parseColumnMap,
  parseColumnMapFile,
  type DeclaredEntry,
} from './declared-mapping.js';

/**
 * What the user declared for this upload: the nearest mapping file beside it, overridden field by
 * field by the object's `column-map` metadata (which is also where `symphainy upload --map` puts
 * it). An unreadable declaration rejects the upload: silently ignoring it would resolve by name
 * exactly what the user meant to pin down.
 */
export async function declaredMapping(context: Pick<StepContext, 'inputMetadata' | 'findBesideInput'>): Promise<DeclaredEntry[]> {
  const file = await context.findBesideInput(COLUMN_MAP_FILE_NAME);
  const metadata = (await context.inputMetadata())[COLUMN_MAP_METADATA_KEY];
  const fromFile = file ? parseColumnMapFile(new TextDecoder().decode(file.body), file.key) : { entries: [], problems: [] };
  const fromMetadata = metadata ? parseColumnMap(metadata, `object metadata ${COLUMN_MAP_METADATA_KEY}`) : { entries: [], problems: [] };
  const problems = [...fromFile.problems, ...fromMetadata.problems];
  if (problems.length > 0) throw new StepRejection('invalid_column_map', `the declared column mapping cannot be read: ${problems[0]}`, problems);
  return mergeDeclarations(fromFile.entries, fromMetadata.entries);
}
