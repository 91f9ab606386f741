import { haversineMeters } from '../../shared/haversine.js';
import { round } from '../numbers/round.js';
import { GPS_JUMP_TOLERANCE_M, MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2, MAX_PLAUSIBLE_SPEED_KMH } from '../../shared/thresholds.js';
import type { TelemetryViolation } from './telemetry-checks.js';
import type { TelemetrySample } from './telemetry-sample.js';

/**
 * Range checks on each sample, then ordering and position-jump checks against the vehicle's
 * previous sample, one sample at a time in file order: only the last sample of each vehicle is held.
 */
export class PlausibilityChecks {
  private readonly previousOf = new Map<string, TelemetrySample>();

  check(sample: TelemetrySample): TelemetryViolation[] {
    const violations = rangeViolations(sample);
    const previous = this.previousOf.get(sample.vehicleId);
    // Compared with the vehicle's previous row in the file, so one misplaced row is reported once,
    // not once for every row after it.
    this.previousOf.set(sample.vehicleId, sample);
    if (!previous) return violations;
    if (sample.epochMs <= previous.epochMs) {
      violations.push({
        line: sample.line,
        check: 'timestamps_increasing',
        message: `timestamp ${sample.timestamp} of vehicle ${sample.vehicleId} is not after ${previous.timestamp} on line ${previous.line}`,
      });
      return violations;
    }
    const jump = positionJump(previous, sample);
    if (jump) violations.push(jump);
    return violations;
  }
}

function rangeViolations(s: TelemetrySample): TelemetryViolation[] {
  const found: TelemetryViolation[] = [];
  if (s.speedKmh < 0 || s.speedKmh > MAX_PLAUSIBLE_SPEED_KMH) {
    found.push({ line: s.line, check: 'speed_range', message: `speed ${round(s.speedKmh, 2)} km/h is outside 0..${MAX_PLAUSIBLE_SPEED_KMH}` });
  }
  if (Math.abs(s.accelerationMps2) > MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2) {
    found.push({
      line: s.line,
      check: 'acceleration_range',
      message: `acceleration ${round(s.accelerationMps2, 2)} m/s² is beyond ±${MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2}`,
    });
  }
  if (s.latitude < -90 || s.latitude > 90) found.push({ line: s.line, check: 'coordinate_range', message: `latitude ${s.latitude} is outside -90..90` });
  if (s.longitude < -180 || s.longitude > 180) {
    found.push({ line: s.line, check: 'coordinate_range', message: `longitude ${s.longitude} is outside -180..180` });
  }
  if (s.heading !== null && (s.heading < 0 || s.heading > 360)) {
    found.push({ line: s.line, check: 'heading_range', message: `heading ${s.heading}° is outside 0..360` });
  }
  return found;
}

function positionJump(previous: TelemetrySample, sample: TelemetrySample): TelemetryViolation | undefined {
  if (!onEarth(previous) || !onEarth(sample)) return undefined; // already reported as out of range
  const seconds = (sample.epochMs - previous.epochMs) / 1000;
  const meters = haversineMeters(previous.latitude, previous.longitude, sample.latitude, sample.longitude);
  const reachable = (MAX_PLAUSIBLE_SPEED_KMH / 3.6) * seconds + GPS_JUMP_TOLERANCE_M;
  if (meters <= reachable) return undefined;
  return {
    line: sample.line,
    check: 'position_jumps',
    message:
      `vehicle ${sample.vehicleId} moved ${round(meters / 1000, 3)} km in ${round(seconds, 3)} s since line ${previous.line}` +
      ` (${round((meters / seconds) * 3.6, 0)} km/h implied, limit ${MAX_PLAUSIBLE_SPEED_KMH})`,
  };
}

function onEarth(s: TelemetrySample): boolean {
  return s.latitude >= -90 && s.latitude <= 90 && s.longitude >= -180 && s.longitude <= 180;
}
