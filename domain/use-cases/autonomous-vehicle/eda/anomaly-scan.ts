import { formatDuration, formatNumber, TimestampSequenceTracker } from '#domain/insights/index.js';
import { haversineMeters } from '../shared/haversine.js';
import {
  GPS_JUMP_TOLERANCE_M,
  MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2,
  MAX_PLAUSIBLE_SPEED_KMH,
  SEGMENT_GAP_SECONDS,
  STATIONARY_SPEED_KMH,
} from '../shared/thresholds.js';
import { MAX_LISTED_ANOMALIES } from './eda-thresholds.js';
import { PerVehicle } from './per-vehicle.js';
import { SENSORS, type TelemetryReading } from './telemetry-fields.js';

export type AnomalyKind = 'sensor_dropout' | 'unreadable_timestamp' | 'timestamp_gap' | 'timestamp_disorder' | 'impossible_value' | 'impossible_jump';

export interface Anomaly {
  row: number;
  vehicleId: string;
  kind: AnomalyKind;
  detail: string;
}

export interface VehicleAnomalies {
  vehicleId: string;
  readings: number;
  /** Readings with at least one sensor value missing or unreadable, and how many runs they form. */
  dropoutReadings: number;
  dropoutRuns: number;
  dropoutsBySensor: Record<(typeof SENSORS)[number], number>;
  unreadableTimestamps: number;
  /** Intervals of ten times the vehicle's usual sampling interval or more. */
  timestampGaps: number;
  /** Gaps with the vehicle moving before and after: recording lost mid-drive, not a parked car. */
  movingGaps: number;
  usualIntervalMs: number | null;
  longestGapMs: number | null;
  backwardSteps: number;
  repeatedTimestamps: number;
  impossibleValues: number;
  impossibleJumps: number;
}

export interface AnomalyReport {
  vehicles: VehicleAnomalies[];
  totals: Record<AnomalyKind, number> & { readings: number; moving_gaps: number };
  /** The first anomalies in file order, each with its row; `listedAll` says whether that is all of them. */
  examples: Anomaly[];
  listedAll: boolean;
  untrackedReadings: number;
}

interface VehicleScan {
  counts: Omit<VehicleAnomalies, 'vehicleId' | 'timestampGaps' | 'movingGaps' | 'usualIntervalMs' | 'longestGapMs' | 'backwardSteps' | 'repeatedTimestamps'>;
  inDropout: boolean;
  time: TimestampSequenceTracker;
  previous: { epochMs: number; speedKmh: number | null; latitude: number | null; longitude: number | null } | undefined;
}

const newScan = (): VehicleScan => ({
  counts: {
    readings: 0,
    dropoutReadings: 0,
    dropoutRuns: 0,
    dropoutsBySensor: { speed_kmh: 0, acceleration_mps2: 0, latitude: 0, longitude: 0 },
    unreadableTimestamps: 0,
    impossibleValues: 0,
    impossibleJumps: 0,
  },
  inDropout: false,
  time: new TimestampSequenceTracker('timestamp'),
  previous: undefined,
});

/**
 * Looks for what makes telemetry untrustworthy, vehicle by vehicle, in one pass: sensor dropouts
 * (missing or unreadable values), timestamp gaps and disorder, values no vehicle can reach and
 * jumps between consecutive readings no vehicle can make.
 */
export class AnomalyScan {
  private readonly perVehicle = new PerVehicle(newScan);
  private readonly examples: Anomaly[] = [];
  private total = 0;

  add(reading: TelemetryReading): void {
    const scan = this.perVehicle.get(reading.vehicleId);
    if (!scan) return;
    const c = scan.counts;
    c.readings++;
    const note = (kind: AnomalyKind, detail: string) => {
      this.total++;
      if (this.examples.length < MAX_LISTED_ANOMALIES) this.examples.push({ row: reading.row, vehicleId: reading.vehicleId, kind, detail });
    };

    const missing = SENSORS.filter((sensor) => valueOf(reading, sensor) === null);
    for (const sensor of missing) c.dropoutsBySensor[sensor]++;
    if (missing.length > 0) {
      c.dropoutReadings++;
      if (!scan.inDropout) {
        c.dropoutRuns++;
        note('sensor_dropout', `no readable ${missing.join(', ')}`);
      }
    }
    scan.inDropout = missing.length > 0;

    if (reading.epochMs === undefined) {
      c.unreadableTimestamps++;
      note(
        'unreadable_timestamp',
        reading.timestamp === null
          ? 'the timestamp is empty'
          : `the timestamp "${reading.timestamp.slice(0, 40)}" cannot be read in the time column's encoding`,
      );
      return;
    }
    const before = scanTime(scan.time);
    const moving = (scan.previous?.speedKmh ?? 0) >= STATIONARY_SPEED_KMH && (reading.speedKmh ?? 0) >= STATIONARY_SPEED_KMH;
    scan.time.add(reading.row, reading.timestamp, moving);
    const after = scanTime(scan.time);
    if (after.backward > before.backward)
      note('timestamp_disorder', `time goes back from ${scan.previous ? new Date(scan.previous.epochMs).toISOString() : '?'} to ${reading.timestamp}`);

    const speedOff = reading.speedKmh !== null && (reading.speedKmh < 0 || reading.speedKmh > MAX_PLAUSIBLE_SPEED_KMH);
    const accelerationOff = reading.accelerationMps2 !== null && Math.abs(reading.accelerationMps2) > MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2;
    if (speedOff || accelerationOff) {
      c.impossibleValues++;
      note('impossible_value', speedOff ? `speed ${formatNumber(reading.speedKmh!)} km/h` : `acceleration ${formatNumber(reading.accelerationMps2!)} m/s²`);
    }

    const previous = scan.previous;
    if (previous) {
      const seconds = (reading.epochMs - previous.epochMs) / 1000;
      if (seconds > 0 && seconds <= SEGMENT_GAP_SECONDS) {
        const jump = impossibleJump(previous, reading, seconds);
        if (jump) {
          c.impossibleJumps++;
          note('impossible_jump', jump);
        }
      }
    }
    if (!previous || reading.epochMs >= previous.epochMs) {
      // An impossible value is not a position or speed to measure the next jump from.
      scan.previous = {
        epochMs: reading.epochMs,
        speedKmh: speedOff ? (previous?.speedKmh ?? null) : reading.speedKmh,
        latitude: reading.latitude,
        longitude: reading.longitude,
      };
    }
  }

  result(): AnomalyReport {
    const vehicles = this.perVehicle.entries().map(([vehicleId, scan]): VehicleAnomalies => {
      const time = scan.time.result();
      return {
        vehicleId,
        ...scan.counts,
        timestampGaps: time.gaps,
        movingGaps: time.flaggedGaps,
        usualIntervalMs: time.medianIntervalMs,
        longestGapMs: time.largestGaps[0]?.intervalMs ?? null,
        backwardSteps: time.backwardSteps,
        repeatedTimestamps: time.repeatedSteps,
      };
    });
    const gapExamples = this.perVehicle.entries().flatMap(([vehicleId, scan]) =>
      scan.time.result().largestGaps.map((gap): Anomaly => ({
        row: gap.row,
        vehicleId,
        kind: 'timestamp_gap',
        detail: `${formatDuration(gap.intervalMs)} without a reading (${gap.from} → ${gap.to})`,
      })),
    );
    const sum = (pick: (v: VehicleAnomalies) => number) => vehicles.reduce((s, v) => s + pick(v), 0);
    const totals = {
      readings: sum((v) => v.readings),
      sensor_dropout: sum((v) => v.dropoutReadings),
      unreadable_timestamp: sum((v) => v.unreadableTimestamps),
      timestamp_gap: sum((v) => v.timestampGaps),
      moving_gaps: sum((v) => v.movingGaps),
      timestamp_disorder: sum((v) => v.backwardSteps + v.repeatedTimestamps),
      impossible_value: sum((v) => v.impossibleValues),
      impossible_jump: sum((v) => v.impossibleJumps),
    };
    const examples = [...this.examples, ...gapExamples].sort((a, b) => a.row - b.row).slice(0, MAX_LISTED_ANOMALIES);
    return { vehicles, totals, examples, listedAll: this.total + gapExamples.length <= MAX_LISTED_ANOMALIES, untrackedReadings: this.perVehicle.untracked };
  }
}

function valueOf(reading: TelemetryReading, sensor: (typeof SENSORS)[number]): number | null {
  switch (sensor) {
    case 'speed_kmh':
      return reading.speedKmh;
    case 'acceleration_mps2':
      return reading.accelerationMps2;
    case 'latitude':
      return reading.latitude;
    case 'longitude':
      return reading.longitude;
  }
}

function scanTime(tracker: TimestampSequenceTracker): { backward: number } {
  return { backward: tracker.backwardStepsSoFar };
}

/** A change of speed or position between two readings that would need more than ~1.5 g or 300 km/h. */
function impossibleJump(previous: NonNullable<VehicleScan['previous']>, reading: TelemetryReading, seconds: number): string | undefined {
  if (previous.speedKmh !== null && reading.speedKmh !== null) {
    const implied = Math.abs(reading.speedKmh - previous.speedKmh) / 3.6 / seconds;
    if (implied > MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2)
      return `speed ${formatNumber(previous.speedKmh)} → ${formatNumber(reading.speedKmh)} km/h in ${formatNumber(seconds)} s (${formatNumber(implied)} m/s²)`;
  }
  if (previous.latitude !== null && previous.longitude !== null && reading.latitude !== null && reading.longitude !== null) {
    const meters = haversineMeters(previous.latitude, previous.longitude, reading.latitude, reading.longitude);
    const reachable = (MAX_PLAUSIBLE_SPEED_KMH / 3.6) * seconds + GPS_JUMP_TOLERANCE_M;
    if (meters > reachable) return `position moves ${formatNumber(meters)} m in ${formatNumber(seconds)} s (at most ${formatNumber(reachable)} m is possible)`;
  }
  return undefined;
}
