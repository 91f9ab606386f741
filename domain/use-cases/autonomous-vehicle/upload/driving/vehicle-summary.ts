import { increment, sortedCounts } from '../numbers/count-by.js';
import { RunningStatistics, ValueDistribution } from '../numbers/descriptive-statistics.js';
import { round } from '../numbers/round.js';
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

/** Speeds are counted to the hundredth of a km/h once a vehicle has too many distinct ones to keep. */
const SPEED_RESOLUTION_KMH = 0.01;

/** One vehicle's statistics as its samples arrive, in bounded memory. */
export class VehicleStatistics {
  private first: TelemetrySample | undefined;
  private last: TelemetrySample | undefined;
  private readonly speed = new RunningStatistics();
  private readonly speeds = new ValueDistribution(SPEED_RESOLUTION_KMH);
  private readonly acceleration = new RunningStatistics();
  private readonly roadType = new Map<string, number>();
  private readonly weather = new Map<string, number>();
  private readonly timeOfDay = new Map<string, number>();

  constructor(private readonly vehicleId: string) {}

  push(sample: TelemetrySample): void {
    this.first ??= sample;
    this.last = sample;
    this.speed.add(sample.speedKmh);
    this.speeds.add(sample.speedKmh);
    this.acceleration.add(sample.accelerationMps2);
    increment(this.roadType, sample.roadType);
    increment(this.weather, sample.weather);
    increment(this.timeOfDay, sample.timeOfDay);
  }

  /** Called with at least one sample pushed. */
  summary(segments: readonly SegmentReport[], hardBrakingEvents: number): VehicleSummary {
    const first = this.first!;
    const last = this.last!;
    const speed = this.speed.describe();
    const acceleration = this.acceleration.describe();
    const [p50, p90, p95, p99] = this.speeds.percentiles([50, 90, 95, 99]) as [number, number, number, number];
    const distanceKm = round(
      segments.reduce((sum, s) => sum + s.distanceKm, 0),
      3,
    );
    return {
      vehicleId: this.vehicleId,
      samples: this.speed.count,
      segments: segments.length,
      firstTimestamp: first.timestamp,
      lastTimestamp: last.timestamp,
      spanSeconds: (last.epochMs - first.epochMs) / 1000,
      drivingSeconds: segments.reduce((sum, s) => sum + s.durationSeconds, 0),
      distanceKm,
      meanSpeedKmh: round(speed.mean),
      maxSpeedKmh: speed.max,
      speedPercentilesKmh: { p50: round(p50), p90: round(p90), p95: round(p95), p99: round(p99) },
      accelerationMps2: { mean: round(acceleration.mean, 3), min: acceleration.min, max: acceleration.max, stdDev: round(acceleration.stdDev, 3) },
      hardBrakingEvents,
      hardBrakingPer100Km: distanceKm > 0 ? round((hardBrakingEvents / distanceKm) * 100, 2) : null,
      roadType: sortedCounts(this.roadType),
      weather: sortedCounts(this.weather),
      timeOfDay: sortedCounts(this.timeOfDay),
    };
  }
}
