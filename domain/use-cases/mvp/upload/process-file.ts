import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { STREAM_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { streamTable, rejectViolations, type TableBatch } from '#domain/tabular/index.js';
import { MVP_ARTIFACTS, NDJSON_CONTENT_TYPE } from '../names.js';
import { describeColumnTypes, describeEmptyColumns } from './column-descriptions.js';
import { ndjsonLines } from './normalize-table.js';
import { PROCESSED_PREFIX, processedKey } from './object-keys.js';
import { typedCopyShardPass } from './typed-copy-in-shards.js';
import type { SchemaDocument } from './schema-document.js';

/**
 * Turns the accepted upload into typed NDJSON under the column types validation found, writing
 * the copy as it reads the upload: one pass, memory bounded whatever the size.
 */
export const processFile: StepDefinition = {
  name: 'process_file',
  policy: STREAM_PASS_POLICY,
  description: 'Streams the upload into a normalised NDJSON copy typed by the schema validation inferred, plus that schema.',
  keyPrefixes: [PROCESSED_PREFIX],
  async run(context) {
    const inferred = await context.readArtifactJson<SchemaDocument>(MVP_ARTIFACTS.inferredSchema);
    const copy = { name: MVP_ARTIFACTS.normalized, key: processedKey(context.useCase, context.journeyId, context.input.key), contentType: NDJSON_CONTENT_TYPE };
    // A large upload is copied in shards where the runtime can, each shard's lines joined in file order.
    const sharded = await context.readTableInShards<null>({ pass: typedCopyShardPass.name, options: inferred.columns }, async (output) => {
      await context.writeArtifactStream({ ...copy, chunks: output });
    });
    const table = sharded?.table ?? (await copyInOnePass());
    // Steps run as separate functions on the bytes as they are now: a file changed since validation is refused, not half-copied.
    if (table.rows !== inferred.rows || table.columns.length !== inferred.columns.length) {
      throw new StepRejection(
        'input_changed',
        `the upload changed after validation (${table.rows} rows of ${table.columns.length} columns, validated ${inferred.rows} of ${inferred.columns.length})`,
      );
    }
    await context.writeJsonArtifact(MVP_ARTIFACTS.schema, inferred);
    return {
      summary: {
        rows: inferred.rows,
        columns: inferred.columns.length,
        columnTypes: describeColumnTypes(inferred.columns),
        emptyColumns: describeEmptyColumns(inferred.columns),
        shards: sharded?.shards ?? 1,
        workers: sharded?.workers ?? 1,
      },
    };

    async function copyInOnePass() {
      const { chunks } = await context.streamInput();
      const reading = streamTable(chunks);
      await context.writeArtifactStream({ ...copy, chunks: typedCopy(reading.batches, inferred) });
      const read = reading.result();
      rejectViolations(read);
      return read;
    }
  },
};

/** Text of up to about 1 MiB at a time: few enough writes, little enough held. */
async function* typedCopy(batches: AsyncIterable<TableBatch>, schema: SchemaDocument): AsyncGenerator<string> {
  let pending = '';
  for await (const batch of batches) {
    pending += ndjsonLines(schema.columns, batch);
    if (pending.length >= 1024 * 1024) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}
