import { evidenceFromRecords, type FieldMapping } from '#domain/fields/index.js';
import type { StepContext } from '#domain/journeys/step-definition.js';
import type { ExtractColumn } from '../shared/extract-columns.js';
import { fieldsRead } from '../shared/fields.js';
import type { Layout } from '../shared/fixed-width-layout.js';
import type { ExtractLine } from '../shared/extract-stream.js';
import { resolveInsuranceMapping } from '../shared/resolve-insurance-mapping.js';

export interface ExtractMapping {
  mapping: FieldMapping;
  /** The fields the journey reads from this file. */
  present: ReadonlySet<ExtractColumn>;
  /** Implied decimals of fixed-width fields, by field name. */
  impliedDecimals: Record<string, number>;
  /** The file's column for each field read, to name it in messages. */
  columnOf: ReadonlyMap<ExtractColumn, string>;
  /** A line with its values keyed by field name, whatever the file calls the columns. */
  byField(line: ExtractLine): ExtractLine;
  /**
   * The same re-keying for lines keyed by the file's own names as written (`columns`, untrimmed),
   * without a trimmed copy of each line first; undefined when two of the names trim to the same
   * one, as then only a trimmed copy says which value wins.
   */
  byFieldFrom(columns: readonly string[]): ((line: ExtractLine) => ExtractLine) | undefined;
}

/**
 * Maps the extract's columns (or fixed-width layout fields) to the insurance fields from its
 * first lines (see shared/resolve-insurance-mapping.ts), and says how to re-key every later line.
 */
export async function mapExtract(
  context: StepContext,
  columns: readonly string[],
  firstLines: readonly ExtractLine[],
  layout: Layout | null,
): Promise<ExtractMapping> {
  const mapping = await resolveInsuranceMapping(
    context,
    evidenceFromRecords(
      [...columns],
      firstLines.map((l) => l.values),
    ),
  );

  const present = fieldsRead(mapping) as ReadonlySet<ExtractColumn>;
  const columnOf = new Map(mapping.fields.filter((f) => present.has(f.field as ExtractColumn)).map((f) => [f.field as ExtractColumn, f.column]));
  const rekeyed =
    (pairs: readonly (readonly [string, string])[]) =>
    (line: ExtractLine): ExtractLine => {
      const values: Record<string, string> = {};
      for (const [field, column] of pairs) values[field] = line.values[column] ?? '';
      return { line: line.line, values };
    };
  const byFieldFrom = (names: readonly string[]) => {
    const written = new Map(names.map((name) => [name.trim(), name]));
    if (written.size < names.length) return undefined;
    return rekeyed([...columnOf].map(([field, column]) => [field, written.get(column) ?? column] as const));
  };
  const impliedDecimals: Record<string, number> = {};
  for (const field of layout?.fields ?? []) {
    const mapped = mapping.fields.find((f) => f.column === field.name);
    if (mapped) impliedDecimals[mapped.field] = field.impliedDecimals;
  }
  return { mapping, present, impliedDecimals, columnOf, byField: rekeyed([...columnOf]), byFieldFrom };
}
