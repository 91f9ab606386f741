import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { parseTable, rejectViolations } from '#domain/tabular/index.js';
import { MVP_ARTIFACTS, NDJSON_CONTENT_TYPE } from '../artifact-names.js';
import { describeColumnTypes, describeEmptyColumns } from '../column-descriptions.js';
import { rejectUnusableColumnNames } from '../column-name-check.js';
import { normalizeTable } from '../normalize-table.js';
import { PROCESSED_PREFIX, processedKey } from '../object-keys.js';
import type { SchemaDocument } from '../schema-document.js';
import { MVP_STEPS } from '../step-names.js';

/** Turns the accepted upload into typed NDJSON and records the column types it found. */
export const processFile: StepDefinition = {
  name: MVP_STEPS.process,
  description: 'Parses the upload, infers column types and writes a normalised NDJSON copy plus its schema.',
  keyPrefixes: [PROCESSED_PREFIX],
  async run(context) {
    const table = parseTable(await context.readInput());
    // Steps run as separate functions on the bytes as they are now; the checks are cheap to repeat.
    rejectViolations(table);
    rejectUnusableColumnNames(table);
    const normalized = normalizeTable(table);
    await context.writeArtifact({
      name: MVP_ARTIFACTS.normalized,
      key: processedKey(context.useCase, context.journeyId, context.input.key),
      body: normalized.ndjson,
      contentType: NDJSON_CONTENT_TYPE,
    });
    const schema: SchemaDocument = { rows: normalized.rows, columns: normalized.schema };
    await context.writeJsonArtifact(MVP_ARTIFACTS.schema, schema);
    return {
      summary: {
        rows: normalized.rows,
        columns: normalized.schema.length,
        columnTypes: describeColumnTypes(normalized.schema),
        emptyColumns: describeEmptyColumns(normalized.schema),
      },
    };
  },
};
