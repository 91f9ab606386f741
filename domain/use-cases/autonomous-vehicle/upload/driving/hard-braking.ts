import { round } from '../numbers/round.js';
import { speedBandOf, type SpeedBand } from '../conditions/speed-band.js';
import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import { HARD_BRAKING_MPS2, SEGMENT_GAP_SECONDS } from '../../shared/thresholds.js';

export interface HardBrakingEvent {
  vehicleId: string;
  segmentId: string | null;
  /** Line of the first hard-braking sample in the upload. */
  line: number;
  startTime: string;
  endTime: string;
  samples: number;
  peakDecelerationMps2: number;
  /** Speed just before braking began, so a replay can start from the same state. */
  speedBeforeKmh: number;
  speedAfterKmh: number;
  speedBand: SpeedBand;
  roadType: string;
  weather: string;
  timeOfDay: string;
}

/**
 * Consecutive hard-braking samples of one vehicle are one event: a 3-second stop at 1 Hz is one
 * manoeuvre, not three. A data gap ends an event, as it ends a drive. Samples arrive in time
 * order; only the event under way is held. `segmentId` is filled in once the drives are known.
 */
export class BrakingDetector {
  readonly events: HardBrakingEvent[] = [];
  private run: { first: TelemetrySample; last: TelemetrySample; samples: number; peak: number; before: TelemetrySample | undefined } | undefined;
  private previous: TelemetrySample | undefined;

  push(sample: TelemetrySample): void {
    const previous = this.previous;
    this.previous = sample;
    const contiguous = previous !== undefined && (sample.epochMs - previous.epochMs) / 1000 <= SEGMENT_GAP_SECONDS;
    if (!contiguous) this.flush();
    if (sample.accelerationMps2 >= HARD_BRAKING_MPS2) {
      this.flush();
      return;
    }
    this.run ??= { first: sample, last: sample, samples: 0, peak: 0, before: contiguous ? previous : undefined };
    this.run.last = sample;
    this.run.samples++;
    this.run.peak = Math.min(this.run.peak, sample.accelerationMps2);
  }

  finish(): HardBrakingEvent[] {
    this.flush();
    return this.events;
  }

  private flush(): void {
    if (!this.run) return;
    const { first, last, samples, peak, before } = this.run;
    this.run = undefined;
    const speedBefore = (before ?? first).speedKmh;
    this.events.push({
      vehicleId: first.vehicleId,
      segmentId: null,
      line: first.line,
      startTime: first.timestamp,
      endTime: last.timestamp,
      samples,
      peakDecelerationMps2: round(peak, 2),
      speedBeforeKmh: round(speedBefore, 1),
      speedAfterKmh: round(last.speedKmh, 1),
      speedBand: speedBandOf(speedBefore),
      roadType: first.roadType,
      weather: first.weather,
      timeOfDay: first.timeOfDay,
    });
  }
}
