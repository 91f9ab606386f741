import { groupByVehicle } from '../shared/group-by-vehicle.js';
import { round } from '../shared/round.js';
import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import { segmentVehicle } from './drive-segments.js';
import { findHardBraking, type HardBrakingEvent } from './hard-braking.js';
import { reportSegment, type SegmentReport } from './segment-report.js';
import { summarizeVehicle, type VehicleSummary } from './vehicle-summary.js';

export interface DriveAnalysis {
  segments: SegmentReport[];
  samplesOutsideSegments: number;
  vehicles: VehicleSummary[];
  hardBraking: HardBrakingEvent[];
  fleet: { vehicles: number; samples: number; segments: number; distanceKm: number; drivingSeconds: number; maxSpeedKmh: number; hardBrakingEvents: number };
}

/** Segments, hard-braking events and per-vehicle statistics for the whole fleet. */
export function analyzeDrives(samples: readonly TelemetrySample[]): DriveAnalysis {
  const segments: SegmentReport[] = [];
  const vehicles: VehicleSummary[] = [];
  const hardBraking: HardBrakingEvent[] = [];
  let samplesOutsideSegments = 0;
  for (const [vehicleId, own] of groupByVehicle(samples)) {
    const segmentation = segmentVehicle(vehicleId, own);
    samplesOutsideSegments += segmentation.samplesOutsideSegments;
    const segmentOfLine = new Map<number, string>();
    for (const segment of segmentation.segments) for (const s of segment.samples) segmentOfLine.set(s.line, segment.id);
    const events = findHardBraking(own, segmentOfLine);
    const eventsPerSegment = new Map<string | null, number>();
    for (const e of events) eventsPerSegment.set(e.segmentId, (eventsPerSegment.get(e.segmentId) ?? 0) + 1);
    const reports = segmentation.segments.map((segment) => reportSegment(segment, eventsPerSegment.get(segment.id) ?? 0));
    segments.push(...reports);
    hardBraking.push(...events);
    vehicles.push(summarizeVehicle(vehicleId, own, reports, events.length));
  }
  return {
    segments,
    samplesOutsideSegments,
    vehicles,
    hardBraking,
    fleet: {
      vehicles: vehicles.length,
      samples: samples.length,
      segments: segments.length,
      distanceKm: round(vehicles.reduce((sum, v) => sum + v.distanceKm, 0), 3),
      drivingSeconds: vehicles.reduce((sum, v) => sum + v.drivingSeconds, 0),
      maxSpeedKmh: vehicles.reduce((max, v) => Math.max(max, v.maxSpeedKmh), 0),
      hardBrakingEvents: hardBraking.length,
    },
  };
}
