import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import { compareText } from './count-by.js';

/** Samples per vehicle in file order (validation guarantees that is time order), vehicles sorted by id. */
export function groupByVehicle(samples: readonly TelemetrySample[]): Map<string, TelemetrySample[]> {
  const groups = new Map<string, TelemetrySample[]>();
  for (const sample of samples) {
    const group = groups.get(sample.vehicleId);
    if (group) group.push(sample);
    else groups.set(sample.vehicleId, [sample]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => compareText(a, b)));
}
