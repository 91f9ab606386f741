import { StepRejection } from '#domain/rejections/step-rejection.js';

export type ExtractViolationCode =
  'invalid_layout' | 'layout_mismatch' | 'missing_values' | 'invalid_dates' | 'unknown_codes' | 'invalid_amounts' | 'inconsistent_policies';

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

/**
 * The violations of an extract read as a stream: every one counted by code, the first
 * {@link MAX_LISTED_VIOLATIONS} by line kept to list, so a file with millions of bad lines still
 * reports in bounded memory.
 */
export class ViolationTally {
  count = 0;
  readonly counts: Record<string, number> = {};
  private listed: ExtractViolation[] = [];

  note(violation: ExtractViolation): void {
    this.count++;
    this.counts[violation.code] = (this.counts[violation.code] ?? 0) + 1;
    this.listed.push(violation);
    // Lines mostly arrive in order; sorting only when the list is twice the cap keeps the earliest ones cheaply.
    if (this.listed.length >= 2 * MAX_LISTED_VIOLATIONS) this.listed = this.first();
  }

  /** The earliest violations by line, at most {@link MAX_LISTED_VIOLATIONS}. */
  first(): ExtractViolation[] {
    return [...this.listed].sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_VIOLATIONS);
  }
}

/**
 * Rejects with the code of the earliest violation (by line), listing every violation found up
 * to the cap, so one upload shows everything to fix rather than one problem per attempt.
 */
export function extractRejection(tally: ViolationTally): StepRejection {
  const listed = tally.first();
  const first = listed[0]!;
  const details = listed.map(violationDetail);
  if (tally.count > listed.length) details.push(`... and ${tally.count - listed.length} more`);
  const counts = Object.entries(tally.counts)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  return new StepRejection(first.code, `the extract has ${tally.count} problem(s) (${counts}); first at line ${first.line}: ${first.message}`, details);
}
