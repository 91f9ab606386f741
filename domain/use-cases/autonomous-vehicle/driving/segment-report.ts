import { countBy } from '../shared/count-by.js';
import { round } from '../shared/round.js';
import { durationSeconds, pathMeters, type DriveSegment } from './drive-segments.js';

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
  endReason: DriveSegment['endReason'];
  roadType: Record<string, number>;
  weather: Record<string, number>;
}

export function reportSegment(segment: DriveSegment, hardBrakingEvents: number): SegmentReport {
  const { samples } = segment;
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  let speedSum = 0;
  let maxSpeed = 0;
  for (const s of samples) {
    speedSum += s.speedKmh;
    maxSpeed = Math.max(maxSpeed, s.speedKmh);
  }
  return {
    id: segment.id,
    vehicleId: segment.vehicleId,
    startTime: first.timestamp,
    endTime: last.timestamp,
    firstLine: first.line,
    lastLine: last.line,
    samples: samples.length,
    durationSeconds: durationSeconds(samples),
    distanceKm: round(pathMeters(samples) / 1000, 3),
    meanSpeedKmh: round(speedSum / samples.length),
    maxSpeedKmh: maxSpeed,
    hardBrakingEvents,
    endReason: segment.endReason,
    roadType: countBy(samples, (s) => s.roadType),
    weather: countBy(samples, (s) => s.weather),
  };
}
