import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import { LONG_STOP_SECONDS, SEGMENT_GAP_SECONDS, STATIONARY_SPEED_KMH } from '../../shared/thresholds.js';
import { SegmentBuilder, type SegmentEnd, type SegmentReport } from './segment-report.js';

/**
 * Cuts one vehicle's samples into drives as they arrive in time order. A silence longer than the
 * gap threshold ends a drive (we do not know where the car went meanwhile); so does standing
 * still long enough to be parked, whose samples belong to no drive. A pause at a traffic light
 * stays inside the drive. Only the current standstill is held, until it is known to be a long
 * stop or a short one: at most LONG_STOP_SECONDS of samples.
 */
export class VehicleSegmenter {
  readonly segments: SegmentReport[] = [];
  /** Samples in no segment: parked through a long stop, or a lone sample between gaps. */
  outside = 0;
  private current = new SegmentBuilder();
  private standstill: { samples: TelemetrySample[]; startMs: number; long: boolean } | undefined;
  private previous: TelemetrySample | undefined;

  constructor(private readonly vehicleId: string) {}

  push(sample: TelemetrySample): void {
    const previous = this.previous;
    this.previous = sample;
    if (previous && (sample.epochMs - previous.epochMs) / 1000 > SEGMENT_GAP_SECONDS) {
      this.endStandstill();
      this.close('data_gap');
    }
    if (sample.speedKmh >= STATIONARY_SPEED_KMH) {
      this.endStandstill();
      this.current.push(sample);
      return;
    }
    if (!this.standstill) this.standstill = { samples: [], startMs: sample.epochMs, long: false };
    if (this.standstill.long) {
      this.outside++;
      return;
    }
    this.standstill.samples.push(sample);
    if ((sample.epochMs - this.standstill.startMs) / 1000 >= LONG_STOP_SECONDS) {
      // Parked: the drive before it ends here, and the standstill's samples belong to no drive.
      if (this.current.samples > 0) this.close('long_stop');
      this.outside += this.standstill.samples.length;
      this.standstill = { samples: [], startMs: this.standstill.startMs, long: true };
    }
  }

  finish(): SegmentReport[] {
    this.endStandstill();
    this.close('end_of_data');
    return this.segments;
  }

  /** A standstill that ended before it counted as parking was part of the drive all along. */
  private endStandstill(): void {
    if (this.standstill && !this.standstill.long) for (const s of this.standstill.samples) this.current.push(s);
    this.standstill = undefined;
  }

  private close(endReason: SegmentEnd): void {
    // A single reading is not a drive: no distance, no duration.
    if (this.current.samples >= 2) this.segments.push(this.current.report(`${this.vehicleId}#${this.segments.length + 1}`, endReason));
    else this.outside += this.current.samples;
    this.current = new SegmentBuilder();
  }
}
