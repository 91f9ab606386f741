import { sha256OfStream } from '#domain/journeys/artifact-store.js';
import { STREAM_PASS_POLICY } from '#domain/journeys/step-policy.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { MVP_ARTIFACTS, NDJSON_CONTENT_TYPE } from '../names.js';
import type { CuratedManifest } from './curated-manifest.js';
import { CURATED_PREFIX, curatedPrefix, utcDay } from './object-keys.js';
import type { SchemaDocument } from './schema-document.js';

/**
 * Files the normalised copy in the curated area, partitioned by the journey's date, with a
 * manifest that lets anyone check it against the original upload. The upload itself is only read.
 */
export const storeFile: StepDefinition = {
  name: 'store_file',
  policy: STREAM_PASS_POLICY,
  description: 'Writes the curated copy and its manifest (SHA-256 of copy and original, rows, schema) under curated/<use-case>/<yyyy>/<mm>/<dd>/<journey-id>/.',
  keyPrefixes: [CURATED_PREFIX],
  async run(context) {
    const schema = await context.readArtifactJson<SchemaDocument>(MVP_ARTIFACTS.schema);
    const journeyDate = context.journeyStartedAt;
    const prefix = curatedPrefix(context.useCase, journeyDate, context.journeyId);
    // The curated copy is the normalised one byte for byte, often larger than the upload (an
    // order export's NDJSON is 2.5 times its CSV): the store copies it, and its SHA-256 is the one
    // process_file recorded. Only the original is read, as a stream to hash, while the copy is made.
    const [original, curated] = await Promise.all([
      context.streamStoredInput().then(async (opened) => ({ size: opened.size, sha256: await sha256OfStream(opened.chunks) })),
      context.copyArtifact({
        from: MVP_ARTIFACTS.normalized,
        name: MVP_ARTIFACTS.curated,
        key: `${prefix}${MVP_ARTIFACTS.curated}`,
        contentType: NDJSON_CONTENT_TYPE,
      }),
    ]);
    const manifest: CuratedManifest = {
      useCase: context.useCase,
      journeyId: context.journeyId,
      curatedOn: utcDay(journeyDate),
      source: {
        bucket: context.input.bucket,
        key: context.input.key,
        versionId: context.input.versionId ?? null,
        bytes: original.size,
        sha256: original.sha256,
      },
      curated: { bucket: curated.bucket, key: curated.key, contentType: NDJSON_CONTENT_TYPE, bytes: curated.size, sha256: curated.sha256 },
      rows: schema.rows,
      schema: schema.columns,
    };
    const manifestRef = await context.writeJsonArtifact(MVP_ARTIFACTS.curatedManifest, manifest, `${prefix}${MVP_ARTIFACTS.curatedManifest}`);
    return {
      summary: {
        rows: manifest.rows,
        curatedLocation: `s3://${curated.bucket}/${curated.key}`,
        manifestKey: manifestRef.key,
        sha256: curated.sha256,
      },
    };
  },
};
