import { countBy } from '../shared/count-by.js';
import { describe, percentile } from '../shared/descriptive-statistics.js';
import { round } from '../shared/round.js';
import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import type { SegmentReport } from './segment-report.js';

export interface VehicleSummary {
  vehicleId: string;
  samples: number;
  segments: number;
  firstTimestamp: string;
  lastTimestamp: string;
  /** Wall-clock time from the first to the last sample, parked time and gaps included. */
  spanSeconds: number;
  /** Time inside drive segments. */
  drivingSeconds: number;
  /** Along drive segments only: across a data gap the route is unknown. */
  distanceKm: number;
  meanSpeedKmh: number;
  maxSpeedKmh: number;
  speedPercentilesKmh: { p50: number; p90: number; p95: number; p99: number };
  accelerationMps2: { mean: number; min: number; max: number; stdDev: number };
  hardBrakingEvents: number;
  hardBrakingPer100Km: number | null;
  roadType: Record<string, number>;
  weather: Record<string, number>;
  timeOfDay: Record<string, number>;
}

export function summarizeVehicle(vehicleId: string, samples: readonly TelemetrySample[], segments: readonly SegmentReport[], hardBrakingEvents: number): VehicleSummary {
  const speeds = samples.map((s) => s.speedKmh).sort((a, b) => a - b);
  const speed = describe(speeds);
  const acceleration = describe(samples.map((s) => s.accelerationMps2));
  const distanceKm = round(segments.reduce((sum, s) => sum + s.distanceKm, 0), 3);
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  return {
    vehicleId,
    samples: samples.length,
    segments: segments.length,
    firstTimestamp: first.timestamp,
    lastTimestamp: last.timestamp,
    spanSeconds: (last.epochMs - first.epochMs) / 1000,
    drivingSeconds: segments.reduce((sum, s) => sum + s.durationSeconds, 0),
    distanceKm,
    meanSpeedKmh: round(speed.mean),
    maxSpeedKmh: speed.max,
    speedPercentilesKmh: {
      p50: round(percentile(speeds, 50)),
      p90: round(percentile(speeds, 90)),
      p95: round(percentile(speeds, 95)),
      p99: round(percentile(speeds, 99)),
    },
    accelerationMps2: { mean: round(acceleration.mean, 3), min: acceleration.min, max: acceleration.max, stdDev: round(acceleration.stdDev, 3) },
    hardBrakingEvents,
    hardBrakingPer100Km: distanceKm > 0 ? round((hardBrakingEvents / distanceKm) * 100, 2) : null,
    roadType: countBy(samples, (s) => s.roadType),
    weather: countBy(samples, (s) => s.weather),
    timeOfDay: countBy(samples, (s) => s.timeOfDay),
  };
}
