import { evidenceFromRecords, type FieldMapping } from '#domain/fields/index.js';
import type { StepContext } from '#domain/journeys/step-definition.js';
import type { ExtractColumn } from './extract-columns.js';
import { fieldsRead } from './fields.js';
import type { RawExtract } from './read-extract.js';
import { resolveInsuranceMapping } from './resolve-insurance-mapping.js';

export interface MappedExtract {
  mapping: FieldMapping;
  /** The extract with each line's values keyed by field name, whatever the file calls the columns. */
  extract: RawExtract;
  /** The fields the journey reads from this file. */
  present: ReadonlySet<ExtractColumn>;
  /** Implied decimals of fixed-width fields, by field name. */
  impliedDecimals: Record<string, number>;
  /** The file's column for each field read, to name it in messages. */
  columnOf: ReadonlyMap<ExtractColumn, string>;
}

/**
 * Maps the extract's columns (or fixed-width layout fields) to the insurance fields (see
 * resolve-insurance-mapping.ts) and re-keys every line by field.
 */
export async function mapExtract(context: StepContext, extract: RawExtract): Promise<MappedExtract> {
  const mapping = await resolveInsuranceMapping(context, evidenceFromRecords(extract.columns, extract.lines.map((l) => l.values)));

  const present = fieldsRead(mapping) as ReadonlySet<ExtractColumn>;
  const columnOf = new Map(mapping.fields.filter((f) => present.has(f.field as ExtractColumn)).map((f) => [f.field as ExtractColumn, f.column]));
  const lines = extract.lines.map((line) => ({
    line: line.line,
    values: Object.fromEntries([...columnOf].map(([field, column]) => [field, line.values[column] ?? ''])),
  }));
  const impliedDecimals: Record<string, number> = {};
  for (const field of extract.layout?.fields ?? []) {
    const mapped = mapping.fields.find((f) => f.column === field.name);
    if (mapped) impliedDecimals[mapped.field] = field.impliedDecimals;
  }
  return { mapping, extract: { ...extract, columns: [...columnOf.keys()], lines }, present, impliedDecimals, columnOf };
}
