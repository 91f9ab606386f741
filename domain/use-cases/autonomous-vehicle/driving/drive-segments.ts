import { haversineMeters } from '../shared/haversine.js';
import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import { LONG_STOP_SECONDS, SEGMENT_GAP_SECONDS, STATIONARY_SPEED_KMH } from '../thresholds.js';

export type SegmentEnd = 'data_gap' | 'long_stop' | 'end_of_data';

export interface DriveSegment {
  id: string;
  vehicleId: string;
  samples: TelemetrySample[];
  endReason: SegmentEnd;
}

export interface Segmentation {
  segments: DriveSegment[];
  /** Samples in no segment: parked through a long stop, or a lone sample between gaps. */
  samplesOutsideSegments: number;
}

/**
 * Cuts one vehicle's samples into drives. A silence longer than the gap threshold ends a drive
 * (we do not know where the car went meanwhile); so does standing still long enough to be
 * parked, whose samples belong to no drive. A pause at a traffic light stays inside the drive.
 */
export function segmentVehicle(vehicleId: string, samples: readonly TelemetrySample[]): Segmentation {
  const segments: DriveSegment[] = [];
  let outside = 0;
  let current: TelemetrySample[] = [];
  const close = (endReason: SegmentEnd): void => {
    if (current.length >= 2) segments.push({ id: `${vehicleId}#${segments.length + 1}`, vehicleId, samples: current, endReason });
    else outside += current.length; // a single reading is not a drive: no distance, no duration
    current = [];
  };
  const longStops = findLongStops(samples);
  samples.forEach((sample, index) => {
    const previous = samples[index - 1];
    if (previous && (sample.epochMs - previous.epochMs) / 1000 > SEGMENT_GAP_SECONDS) close('data_gap');
    if (longStops.has(index)) {
      if (current.length > 0) close('long_stop');
      outside++;
      return;
    }
    current.push(sample);
  });
  close('end_of_data');
  return { segments, samplesOutsideSegments: outside };
}

/** Indexes of samples inside a stationary run lasting at least LONG_STOP_SECONDS without a data gap. */
function findLongStops(samples: readonly TelemetrySample[]): Set<number> {
  const inStop = new Set<number>();
  let runStart = -1;
  const flush = (endExclusive: number): void => {
    if (runStart === -1) return;
    const seconds = (samples[endExclusive - 1]!.epochMs - samples[runStart]!.epochMs) / 1000;
    if (seconds >= LONG_STOP_SECONDS) for (let i = runStart; i < endExclusive; i++) inStop.add(i);
    runStart = -1;
  };
  samples.forEach((sample, index) => {
    const previous = samples[index - 1];
    if (previous && (sample.epochMs - previous.epochMs) / 1000 > SEGMENT_GAP_SECONDS) flush(index);
    if (sample.speedKmh < STATIONARY_SPEED_KMH) {
      if (runStart === -1) runStart = index;
    } else flush(index);
  });
  flush(samples.length);
  return inStop;
}

/** Path length along consecutive samples; straight lines between fixes, so a slight undercount on bends. */
export function pathMeters(samples: readonly TelemetrySample[]): number {
  let meters = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    meters += haversineMeters(a.latitude, a.longitude, b.latitude, b.longitude);
  }
  return meters;
}

export function durationSeconds(samples: readonly TelemetrySample[]): number {
  return samples.length < 2 ? 0 : (samples[samples.length - 1]!.epochMs - samples[0]!.epochMs) / 1000;
}
