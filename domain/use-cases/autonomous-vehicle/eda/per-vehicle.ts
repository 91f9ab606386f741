import { MAX_VEHICLES } from './eda-thresholds.js';

/**
 * Per-vehicle state created on first sight, up to a cap: readings of vehicles beyond it are
 * counted, not analysed, so a file with a million vehicle ids cannot exhaust memory.
 */
export class PerVehicle<State> {
  readonly states = new Map<string, State>();
  untracked = 0;
  readonly untrackedVehicles = new Set<string>();

  constructor(private readonly create: (vehicleId: string) => State) {}

  get(vehicleId: string): State | undefined {
    let state = this.states.get(vehicleId);
    if (state) return state;
    if (this.states.size >= MAX_VEHICLES) {
      this.untracked++;
      if (this.untrackedVehicles.size < 1000) this.untrackedVehicles.add(vehicleId);
      return undefined;
    }
    state = this.create(vehicleId);
    this.states.set(vehicleId, state);
    return state;
  }

  /** Vehicles in a stable order (by id), so artifacts do not depend on row order. */
  entries(): [string, State][] {
    return [...this.states.entries()].sort((a, b) => a[0].localeCompare(b[0], 'en'));
  }
}
