import { StepRejection } from '#domain/journeys/step-rejection.js';
import { MAX_LISTED_VIOLATIONS } from '../thresholds.js';
import { TELEMETRY_CHECKS, type RejectionCode, type TelemetryViolation } from './telemetry-checks.js';

/**
 * Unreadable values come first because the later checks skip those rows; ordering comes before
 * plausibility because a reordered file also produces bogus jumps. The first code present wins.
 */
const PRECEDENCE: readonly RejectionCode[] = ['invalid_values', 'timestamps_not_increasing', 'implausible_values'];

/**
 * One rejection carrying every violation found (sorted by line, the first hundred listed);
 * `hints` say what probably caused them and come first.
 */
export function telemetryRejection(violations: readonly TelemetryViolation[], hints: readonly string[] = []): StepRejection {
  const sorted = [...violations].sort((a, b) => a.line - b.line);
  const byCode = new Map<RejectionCode, number>();
  for (const v of sorted) byCode.set(TELEMETRY_CHECKS[v.check].code, (byCode.get(TELEMETRY_CHECKS[v.check].code) ?? 0) + 1);
  const code = PRECEDENCE.find((c) => byCode.has(c)) ?? 'invalid_values';
  const first = sorted.find((v) => TELEMETRY_CHECKS[v.check].code === code)!;
  const tally = PRECEDENCE.filter((c) => byCode.has(c))
    .map((c) => `${byCode.get(c)} ${c.replace(/_/g, ' ')}`)
    .join(', ');
  const details = [...hints, ...sorted.slice(0, MAX_LISTED_VIOLATIONS).map((v) => `line ${v.line}: ${v.message}`)];
  if (sorted.length > MAX_LISTED_VIOLATIONS) details.push(`... and ${sorted.length - MAX_LISTED_VIOLATIONS} more`);
  const hinted = hints.length > 0 ? `; ${hints[0]}` : '';
  return new StepRejection(code, `${sorted.length} problem(s) in the telemetry (${tally}); first at line ${first.line}: ${first.message}${hinted}`, details);
}
