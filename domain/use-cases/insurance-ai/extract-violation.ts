import { StepRejection } from '#domain/journeys/step-rejection.js';

export type ExtractViolationCode =
  | 'invalid_layout'
  | 'layout_mismatch'
  | 'missing_values'
  | 'invalid_dates'
  | 'unknown_codes'
  | 'invalid_amounts'
  | 'inconsistent_policies';

/** One problem with the extract, precise enough to find and fix it: line, column, value. */
export interface ExtractViolation {
  line: number;
  code: ExtractViolationCode;
  /** The field, by its name in the records. */
  column?: string;
  /** The file's own name for that column, where it differs. */
  sourceColumn?: string;
  value?: string;
  /** For unknown codes: what the column accepts. */
  allowed?: readonly string[];
  message: string;
}

/** Enough to fix a file without drowning the reader; the report says how many were left out. */
export const MAX_LISTED_VIOLATIONS = 100;

export function violationDetail(violation: ExtractViolation): string {
  return `line ${violation.line}: ${violation.message}`;
}

export function countByCode(violations: readonly ExtractViolation[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of violations) counts[v.code] = (counts[v.code] ?? 0) + 1;
  return counts;
}

/**
 * Rejects with the code of the earliest violation (by line), listing every violation found up
 * to the cap, so one upload shows everything to fix rather than one problem per attempt.
 */
export function extractRejection(violations: readonly ExtractViolation[]): StepRejection {
  const sorted = [...violations].sort((a, b) => a.line - b.line);
  const first = sorted[0]!;
  const details = sorted.slice(0, MAX_LISTED_VIOLATIONS).map(violationDetail);
  if (sorted.length > MAX_LISTED_VIOLATIONS) details.push(`... and ${sorted.length - MAX_LISTED_VIOLATIONS} more`);
  const counts = Object.entries(countByCode(sorted))
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  return new StepRejection(first.code, `the extract has ${sorted.length} problem(s) (${counts}); first at line ${first.line}: ${first.message}`, details);
}
