import { round } from '../shared/round.js';
import { speedBandOf, type SpeedBand } from '../conditions/speed-band.js';
import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import { HARD_BRAKING_MPS2, SEGMENT_GAP_SECONDS } from '../thresholds.js';

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
 * Consecutive hard-braking samples are one event: a 3-second stop at 1 Hz is one manoeuvre,
 * not three. A data gap ends an event, as it ends a drive.
 */
export function findHardBraking(samples: readonly TelemetrySample[], segmentOfLine: ReadonlyMap<number, string>): HardBrakingEvent[] {
  const events: HardBrakingEvent[] = [];
  let run: TelemetrySample[] = [];
  let before: TelemetrySample | undefined;
  const flush = (): void => {
    if (run.length > 0) events.push(toEvent(run, before, segmentOfLine));
    run = [];
  };
  samples.forEach((sample, index) => {
    const previous = samples[index - 1];
    const contiguous = previous !== undefined && (sample.epochMs - previous.epochMs) / 1000 <= SEGMENT_GAP_SECONDS;
    if (!contiguous) flush();
    if (sample.accelerationMps2 < HARD_BRAKING_MPS2) {
      if (run.length === 0) before = contiguous ? previous : undefined;
      run.push(sample);
    } else flush();
  });
  flush();
  return events;
}

function toEvent(run: TelemetrySample[], before: TelemetrySample | undefined, segmentOfLine: ReadonlyMap<number, string>): HardBrakingEvent {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const speedBefore = (before ?? first).speedKmh;
  return {
    vehicleId: first.vehicleId,
    segmentId: segmentOfLine.get(first.line) ?? null,
    line: first.line,
    startTime: first.timestamp,
    endTime: last.timestamp,
    samples: run.length,
    peakDecelerationMps2: round(run.reduce((min, s) => Math.min(min, s.accelerationMps2), 0), 2),
    speedBeforeKmh: round(speedBefore, 1),
    speedAfterKmh: round(last.speedKmh, 1),
    speedBand: speedBandOf(speedBefore),
    roadType: first.roadType,
    weather: first.weather,
    timeOfDay: first.timeOfDay,
  };
}
