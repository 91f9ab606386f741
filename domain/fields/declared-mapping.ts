/** The object metadata key a mapping travels in: `x-amz-meta-column-map: speed=velocity_mph,time=ts`. */
export const COLUMN_MAP_METADATA_KEY = 'column-map';
/** A mapping file kept beside uploads; the nearest one in the upload's folder or above applies. */
export const COLUMN_MAP_FILE_NAME = '_column-map.json';
/**
 * S3 holds 2 KB of user metadata per object, keys included; the rest is left for `use-case`,
 * `journey` and the like. A longer mapping belongs in a mapping file.
 */
export const MAX_COLUMN_MAP_METADATA_BYTES = 1536;

/** One `field=column[:unit]` a user stated, and where they stated it. */
export interface DeclaredEntry {
  field: string;
  column: string;
  unit?: string;
  source: string;
}

/**
 * Parses `speed=velocity_mph, time=ts:epoch_ms; acceleration=Accel (g):g`. Entries are separated
 * by commas, semicolons or new lines; a column name holding one of those, `=`, `:` or `%` is
 * written percent-encoded (`%2C` for a comma), which also keeps non-ASCII names intact in S3
 * metadata. The part after the last `:` is the column's unit or time encoding.
 */
export function parseColumnMap(text: string, source: string): { entries: DeclaredEntry[]; problems: string[] } {
  const entries: DeclaredEntry[] = [];
  const problems: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const item = raw.trim();
    if (item === '') continue;
    const equals = item.indexOf('=');
    if (equals <= 0 || equals === item.length - 1) {
      problems.push(`${source}: "${item}" is not field=column (e.g. speed=velocity_mph or time=ts:epoch_ms)`);
      continue;
    }
    const field = item.slice(0, equals).trim().toLowerCase();
    const target = item.slice(equals + 1).trim();
    const colon = target.lastIndexOf(':');
    const [columnText, unit] = colon > 0 ? [target.slice(0, colon), target.slice(colon + 1).trim()] : [target, undefined];
    const column = decode(columnText.trim());
    if (column === undefined) {
      problems.push(`${source}: "${columnText}" is not valid percent-encoding`);
      continue;
    }
    entries.push({ field, column, ...(unit ? { unit } : {}), source });
  }
  return { entries, problems };
}

/** A mapping file: `{ "speed": "velocity_mph", "time": { "column": "ts", "unit": "epoch_ms" } }`. */
export function parseColumnMapFile(body: string, source: string): { entries: DeclaredEntry[]; problems: string[] } {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    return { entries: [], problems: [`${source} is not JSON: ${(error as Error).message}`] };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { entries: [], problems: [`${source} must be a JSON object of field -> column, e.g. {"speed": "velocity_mph"}`] };
  }
  const entries: DeclaredEntry[] = [];
  const problems: string[] = [];
  for (const [field, value] of Object.entries(document)) {
    if (typeof value === 'string' && value.trim() !== '') {
      const colon = value.lastIndexOf(':');
      const [column, unit] = colon > 0 ? [value.slice(0, colon), value.slice(colon + 1).trim()] : [value, undefined];
      entries.push({ field: field.toLowerCase(), column: column.trim(), ...(unit ? { unit } : {}), source });
    } else if (typeof value === 'object' && value !== null && typeof (value as { column?: unknown }).column === 'string') {
      const { column, unit } = value as { column: string; unit?: unknown };
      entries.push({ field: field.toLowerCase(), column: column.trim(), ...(typeof unit === 'string' && unit ? { unit } : {}), source });
    } else {
      problems.push(`${source}: field "${field}" must map to a column name, "column:unit" or {"column": ..., "unit": ...}`);
    }
  }
  return { entries, problems };
}

/** Per-file declarations override the folder's mapping file, field by field. */
export function mergeDeclarations(...layers: readonly DeclaredEntry[][]): DeclaredEntry[] {
  const byField = new Map<string, DeclaredEntry>();
  for (const layer of layers) for (const entry of layer) byField.set(entry.field, entry);
  return [...byField.values()];
}

/** The inverse of parseColumnMap: what the CLI puts in metadata. */
export function formatColumnMap(entries: readonly { field: string; column: string; unit?: string | undefined }[]): string {
  return entries.map((e) => `${e.field}=${encode(e.column)}${e.unit ? `:${e.unit}` : ''}`).join(',');
}

function encode(column: string): string {
  return column.replace(/[%,;=:\n\r]|[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
