import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import { speedBandOf, type SpeedBand } from './speed-band.js';

export interface ConditionCount {
  speedBand: SpeedBand;
  roadType: string;
  weather: string;
  timeOfDay: string;
  samples: number;
}

/**
 * Samples per full operating condition (speed band x road type x weather x time of day): all
 * that coverage and planning need from the telemetry, counted once while validation reads it, so
 * the later steps never hold the samples. Conditions are in the order the data first showed them.
 */
export interface ConditionTally {
  totalSamples: number;
  vehicles: number;
  conditions: ConditionCount[];
  /**
   * The most common condition; among equals, the one that reached that count first. Kept here
   * because the order of arrival is gone once only the counts are left.
   */
  mostCommon: ConditionCount | null;
}

export class ConditionTallyBuilder {
  private readonly counts = new Map<string, ConditionCount>();
  private readonly vehicleIds = new Set<string>();
  private total = 0;
  private best: ConditionCount | undefined;
  private bestCount = 0;

  add(sample: TelemetrySample): void {
    this.total++;
    this.vehicleIds.add(sample.vehicleId);
    const speedBand = speedBandOf(sample.speedKmh);
    const key = `${speedBand}\u0000${sample.roadType}\u0000${sample.weather}\u0000${sample.timeOfDay}`;
    let entry = this.counts.get(key);
    if (!entry) {
      entry = { speedBand, roadType: sample.roadType, weather: sample.weather, timeOfDay: sample.timeOfDay, samples: 0 };
      this.counts.set(key, entry);
    }
    entry.samples++;
    if (entry.samples > this.bestCount) {
      this.best = entry;
      this.bestCount = entry.samples;
    }
  }

  build(): ConditionTally {
    return {
      totalSamples: this.total,
      vehicles: this.vehicleIds.size,
      conditions: [...this.counts.values()].map((c) => ({ ...c })),
      mostCommon: this.best ? { ...this.best, samples: this.bestCount } : null,
    };
  }
}

/** Samples per value of one axis, summed over the others. */
export function countPerValue(tally: ConditionTally, axis: (c: ConditionCount) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of tally.conditions) counts.set(axis(c), (counts.get(axis(c)) ?? 0) + c.samples);
  return counts;
}
