import { MAX_LISTED_VIOLATIONS } from '../../shared/thresholds.js';
import { TELEMETRY_CHECKS, type CheckName, type RejectionCode, type TelemetryViolation } from './telemetry-checks.js';

/**
 * The violations of a file read in line order, kept to what a rejection shows: the first ones
 * listed, the first of each code, and a count of the rest. A file that is wrong on every one of
 * its million rows costs a hundred messages, not a million.
 */
export class ViolationTally {
  readonly listed: TelemetryViolation[] = [];
  readonly firstOfCode = new Map<RejectionCode, TelemetryViolation>();
  readonly countOfCode = new Map<RejectionCode, number>();
  readonly checksSeen = new Set<CheckName>();
  total = 0;

  add(violation: TelemetryViolation): void {
    const code = TELEMETRY_CHECKS[violation.check].code;
    this.total++;
    this.checksSeen.add(violation.check);
    if (this.listed.length < MAX_LISTED_VIOLATIONS) this.listed.push(violation);
    if (!this.firstOfCode.has(code)) this.firstOfCode.set(code, violation);
    this.countOfCode.set(code, (this.countOfCode.get(code) ?? 0) + 1);
  }
}
