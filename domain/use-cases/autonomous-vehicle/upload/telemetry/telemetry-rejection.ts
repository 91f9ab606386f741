import { StepRejection } from '#domain/rejections/step-rejection.js';
import type { RejectionCode } from './telemetry-checks.js';
import type { ViolationTally } from './violation-tally.js';

/**
 * Unreadable values come first because the later checks skip those rows; ordering comes before
 * plausibility because a reordered file also produces bogus jumps. The first code present wins.
 */
const PRECEDENCE: readonly RejectionCode[] = ['invalid_values', 'timestamps_not_increasing', 'implausible_values'];

/**
 * One rejection carrying every violation found (in line order, the first hundred listed, the
 * rest counted); `hints` say what probably caused them and come first.
 */
export function telemetryRejection(violations: ViolationTally, hints: readonly string[] = []): StepRejection {
  const code = PRECEDENCE.find((c) => violations.countOfCode.has(c)) ?? 'invalid_values';
  const first = violations.firstOfCode.get(code)!;
  const tally = PRECEDENCE.filter((c) => violations.countOfCode.has(c))
    .map((c) => `${violations.countOfCode.get(c)} ${c.replace(/_/g, ' ')}`)
    .join(', ');
  const details = [...hints, ...violations.listed.map((v) => `line ${v.line}: ${v.message}`)];
  if (violations.total > violations.listed.length) details.push(`... and ${violations.total - violations.listed.length} more`);
  const hinted = hints.length > 0 ? `; ${hints[0]}` : '';
  return new StepRejection(code, `${violations.total} problem(s) in the telemetry (${tally}); first at line ${first.line}: ${first.message}${hinted}`, details);
}
