import {
  COLUMN_MAP_METADATA_KEY,
  formatColumnMap,
  MAX_COLUMN_MAP_METADATA_BYTES,
  parseColumnMap,
  parseColumnMapFile,
  COLUMN_MAP_FILE_NAME,
} from '#domain/fields/index.js';
import { UsageError } from '#local/command-errors/command-error.js';

/**
 * `--map speed=velocity_mph --map time=ts:epoch_ms` as the `column-map` metadata the journey
 * reads, so the CLI declares a mapping exactly as `aws s3 cp --metadata` would. A mapping too big
 * for S3's 2 KB of metadata is refused with the way round it, rather than truncated.
 */
export function columnMapMetadata(maps: readonly string[] | undefined): Record<string, string> {
  if (!maps || maps.length === 0) return {};
  const parsed = maps.map((text) => parseColumnMap(text, `--map ${text}`));
  const problems = parsed.flatMap((p) => p.problems);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const value = formatColumnMap(parsed.flatMap((p) => p.entries));
  const bytes = Buffer.byteLength(value) + COLUMN_MAP_METADATA_KEY.length;
  if (bytes > MAX_COLUMN_MAP_METADATA_BYTES) {
    throw new UsageError(
      `the --map entries take ${bytes} bytes of object metadata; S3 allows 2 KB in all, ${MAX_COLUMN_MAP_METADATA_BYTES} of them for the mapping. ` +
        `Put the mapping in a ${COLUMN_MAP_FILE_NAME} beside the upload instead (symphainy upload ${COLUMN_MAP_FILE_NAME} --key <folder>/${COLUMN_MAP_FILE_NAME})`,
    );
  }
  return { [COLUMN_MAP_METADATA_KEY]: value };
}

/** A mapping file is checked before it is stored: a typo in it would otherwise surface only at the next upload. */
export function checkColumnMapFile(body: Uint8Array, key: string): Record<string, string> {
  const { entries, problems } = parseColumnMapFile(new TextDecoder().decode(body), key);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  if (entries.length === 0) throw new UsageError(`${key} maps no field; write e.g. {"speed": "velocity_mph"}`);
  return Object.fromEntries(entries.map((e) => [e.field, e.unit ? `${e.column}:${e.unit}` : e.column]));
}
