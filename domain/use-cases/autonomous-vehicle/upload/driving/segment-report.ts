import { increment, sortedCounts } from '../numbers/count-by.js';
import { haversineMeters } from '../../shared/haversine.js';
import { round } from '../numbers/round.js';
import type { TelemetrySample } from '../telemetry/telemetry-sample.js';

export type SegmentEnd = 'data_gap' | 'long_stop' | 'end_of_data';

export interface SegmentReport {
  id: string;
  vehicleId: string;
  startTime: string;
  endTime: string;
  firstLine: number;
  lastLine: number;
  samples: number;
  durationSeconds: number;
  distanceKm: number;
  meanSpeedKmh: number;
  maxSpeedKmh: number;
  hardBrakingEvents: number;
  endReason: SegmentEnd;
  roadType: Record<string, number>;
  weather: Record<string, number>;
}

/** One drive as its samples arrive: the sums a report needs, never the samples themselves. */
export class SegmentBuilder {
  private first: TelemetrySample | undefined;
  private last: TelemetrySample | undefined;
  private count = 0;
  private speedSum = 0;
  private maxSpeed = 0;
  /** Straight lines between fixes, so a slight undercount on bends. */
  private meters = 0;
  private readonly roadType = new Map<string, number>();
  private readonly weather = new Map<string, number>();

  get samples(): number {
    return this.count;
  }

  push(sample: TelemetrySample): void {
    if (this.last) this.meters += haversineMeters(this.last.latitude, this.last.longitude, sample.latitude, sample.longitude);
    this.first ??= sample;
    this.last = sample;
    this.count++;
    this.speedSum += sample.speedKmh;
    this.maxSpeed = Math.max(this.maxSpeed, sample.speedKmh);
    increment(this.roadType, sample.roadType);
    increment(this.weather, sample.weather);
  }

  /** Called with at least one sample pushed. */
  report(id: string, endReason: SegmentEnd): SegmentReport {
    const first = this.first!;
    const last = this.last!;
    return {
      id,
      vehicleId: first.vehicleId,
      startTime: first.timestamp,
      endTime: last.timestamp,
      firstLine: first.line,
      lastLine: last.line,
      samples: this.count,
      durationSeconds: this.count < 2 ? 0 : (last.epochMs - first.epochMs) / 1000,
      distanceKm: round(this.meters / 1000, 3),
      meanSpeedKmh: round(this.speedSum / this.count),
      maxSpeedKmh: this.maxSpeed,
      hardBrakingEvents: 0,
      endReason,
      roadType: sortedCounts(this.roadType),
      weather: sortedCounts(this.weather),
    };
  }
}
