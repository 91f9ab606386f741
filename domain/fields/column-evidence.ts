import type { ColumnEvidence } from './resolve-fields.js';

/** Values per column the resolver looks at: enough to judge a column, few enough to stay cheap on a big file. */
export const EVIDENCE_ROWS = 500;

/** Evidence from rows already parsed (cells by column position; null is empty). */
export function evidenceFromRows(columns: readonly string[], rows: Iterable<readonly (string | null | undefined)[]>): ColumnEvidence {
  const samples: string[][] = columns.map(() => []);
  let seen = 0;
  for (const row of rows) {
    if (seen++ >= EVIDENCE_ROWS) break;
    columns.forEach((_, i) => {
      const value = row[i];
      if (value !== null && value !== undefined && value.trim() !== '') samples[i]!.push(value);
    });
  }
  return { columns, sample: (index) => samples[index] ?? [] };
}

/** Evidence from records keyed by column name. */
export function evidenceFromRecords(columns: readonly string[], records: readonly Readonly<Record<string, string | null | undefined>>[]): ColumnEvidence {
  return evidenceFromRows(
    columns,
    records.map((r) => columns.map((c) => r[c])),
  );
}
