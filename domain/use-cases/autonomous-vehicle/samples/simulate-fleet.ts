import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { fleetPlan } from './fleet-plan.js';
import { simulateDrive } from './simulate-drive.js';
import type { SimulatedRow } from './simulated-row.js';

/** The whole fleet's day, interleaved by time as a logger writing all vehicles to one file would. */
export function simulateFleet(seed: number): SimulatedRow[] {
  const random = new SeededRandom(seed);
  const rows = fleetPlan(random).flatMap((plan) => simulateDrive(plan, random));
  return rows.sort((a, b) => a.epochMs - b.epochMs || (a.vehicleId < b.vehicleId ? -1 : a.vehicleId > b.vehicleId ? 1 : 0));
}
