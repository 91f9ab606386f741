import { compareText } from '../numbers/count-by.js';
import { round } from '../numbers/round.js';
import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import { VehicleSegmenter } from './drive-segments.js';
import { BrakingDetector, type HardBrakingEvent } from './hard-braking.js';
import type { SegmentReport } from './segment-report.js';
import { VehicleStatistics, type VehicleSummary } from './vehicle-summary.js';

export interface DriveAnalysis {
  segments: SegmentReport[];
  samplesOutsideSegments: number;
  vehicles: VehicleSummary[];
  hardBraking: HardBrakingEvent[];
  fleet: { vehicles: number; samples: number; segments: number; distanceKm: number; drivingSeconds: number; maxSpeedKmh: number; hardBrakingEvents: number };
}

interface VehicleAnalysis {
  segmenter: VehicleSegmenter;
  braking: BrakingDetector;
  statistics: VehicleStatistics;
}

/**
 * Segments, hard-braking events and per-vehicle statistics for the whole fleet, from samples
 * pushed in file order (vehicles may interleave; validation guarantees each vehicle's samples are
 * in time order). It holds per vehicle only running sums and the standstill or braking under way,
 * so a file of any length analyses in bounded memory; the results are the artifacts themselves.
 */
export class DriveAnalyzer {
  private readonly perVehicle = new Map<string, VehicleAnalysis>();
  private samples = 0;

  push(sample: TelemetrySample): void {
    this.samples++;
    let vehicle = this.perVehicle.get(sample.vehicleId);
    if (!vehicle) {
      vehicle = { segmenter: new VehicleSegmenter(sample.vehicleId), braking: new BrakingDetector(), statistics: new VehicleStatistics(sample.vehicleId) };
      this.perVehicle.set(sample.vehicleId, vehicle);
    }
    vehicle.segmenter.push(sample);
    vehicle.braking.push(sample);
    vehicle.statistics.push(sample);
  }

  finish(): DriveAnalysis {
    const segments: SegmentReport[] = [];
    const vehicles: VehicleSummary[] = [];
    const hardBraking: HardBrakingEvent[] = [];
    let samplesOutsideSegments = 0;
    for (const [, vehicle] of [...this.perVehicle.entries()].sort(([a], [b]) => compareText(a, b))) {
      const own = vehicle.segmenter.finish();
      const events = vehicle.braking.finish();
      placeEventsInSegments(events, own);
      samplesOutsideSegments += vehicle.segmenter.outside;
      segments.push(...own);
      hardBraking.push(...events);
      vehicles.push(vehicle.statistics.summary(own, events.length));
    }
    return {
      segments,
      samplesOutsideSegments,
      vehicles,
      hardBraking,
      fleet: {
        vehicles: vehicles.length,
        samples: this.samples,
        segments: segments.length,
        distanceKm: round(
          vehicles.reduce((sum, v) => sum + v.distanceKm, 0),
          3,
        ),
        drivingSeconds: vehicles.reduce((sum, v) => sum + v.drivingSeconds, 0),
        maxSpeedKmh: vehicles.reduce((max, v) => Math.max(max, v.maxSpeedKmh), 0),
        hardBrakingEvents: hardBraking.length,
      },
    };
  }
}

/**
 * A segment is a contiguous run of one vehicle's samples, and both lists are in time order, so
 * an event belongs to the segment whose line range holds its first sample (or to none: braking
 * while parked, or a lone sample between gaps).
 */
function placeEventsInSegments(events: HardBrakingEvent[], segments: SegmentReport[]): void {
  let index = 0;
  for (const event of events) {
    while (index < segments.length && segments[index]!.lastLine < event.line) index++;
    const segment = segments[index];
    if (segment && segment.firstLine <= event.line) {
      event.segmentId = segment.id;
      segment.hardBrakingEvents++;
    }
  }
}
