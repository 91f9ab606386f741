import { BinnedDistribution, type DistributionSummary } from '#domain/insights/index.js';
import { haversineMeters } from '../shared/haversine.js';
import { GPS_JUMP_TOLERANCE_M, MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2, MAX_PLAUSIBLE_SPEED_KMH, SEGMENT_GAP_SECONDS } from '../shared/thresholds.js';
import { PerVehicle } from './per-vehicle.js';
import type { TelemetryReading } from './telemetry-fields.js';

export interface VehiclePerformance {
  vehicleId: string;
  samples: number;
  distanceKm: number;
  drivingHours: number;
  speedKmh: DistributionSummary;
  accelerationMps2: DistributionSummary;
  jerkMps3: DistributionSummary;
}

export interface FleetPerformance {
  vehicles: VehiclePerformance[];
  fleet: Omit<VehiclePerformance, 'vehicleId'>;
  /** Readings of vehicles past the per-vehicle cap: counted, not analysed. */
  untrackedReadings: number;
  /** Fleet-wide histograms for the report's charts. */
  histograms: { speedKmh: Bin[]; accelerationMps2: Bin[]; jerkMps3: Bin[] };
}

type Bin = { from: number; to: number; count: number };

interface Kinematics {
  samples: number;
  meters: number;
  drivingMs: number;
  speed: BinnedDistribution;
  acceleration: BinnedDistribution;
  jerk: BinnedDistribution;
  previous: { epochMs: number; accelerationMps2: number | null; latitude: number | null; longitude: number | null } | undefined;
}

const newKinematics = (): Kinematics => ({
  samples: 0,
  meters: 0,
  drivingMs: 0,
  // 1 km/h, 0.1 m/s² and 0.25 m/s³ bins: percentiles read from them are within that of the truth.
  speed: new BinnedDistribution(0, MAX_PLAUSIBLE_SPEED_KMH, 1),
  acceleration: new BinnedDistribution(-MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2, MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2, 0.1),
  jerk: new BinnedDistribution(-50, 50, 0.25),
  previous: undefined,
});

/**
 * Speed, acceleration and jerk distributions per vehicle in one pass. Jerk is the change of
 * acceleration between consecutive readings of a vehicle less than a segment gap apart; distance
 * sums the great-circle steps between them. Physically impossible readings are left out (they
 * are anomalies, reported on their own), so one glitch cannot stretch a distribution.
 */
export class VehiclePerformanceAnalysis {
  private readonly perVehicle = new PerVehicle(newKinematics);
  private readonly fleet = newKinematics();

  add(reading: TelemetryReading): void {
    const state = this.perVehicle.get(reading.vehicleId);
    if (!state || reading.epochMs === undefined) return;
    for (const k of [state, this.fleet]) k.samples++;
    const speed = plausible(reading.speedKmh, 0, MAX_PLAUSIBLE_SPEED_KMH);
    const acceleration = plausible(reading.accelerationMps2, -MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2, MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2);
    if (speed !== null) for (const k of [state, this.fleet]) k.speed.add(speed);
    if (acceleration !== null) for (const k of [state, this.fleet]) k.acceleration.add(acceleration);
    const previous = state.previous;
    if (previous) {
      const seconds = (reading.epochMs - previous.epochMs) / 1000;
      if (seconds > 0 && seconds <= SEGMENT_GAP_SECONDS) {
        if (acceleration !== null && previous.accelerationMps2 !== null) {
          const jerk = (acceleration - previous.accelerationMps2) / seconds;
          for (const k of [state, this.fleet]) k.jerk.add(jerk);
        }
        if (reading.latitude !== null && reading.longitude !== null && previous.latitude !== null && previous.longitude !== null) {
          const meters = haversineMeters(previous.latitude, previous.longitude, reading.latitude, reading.longitude);
          if (meters <= (MAX_PLAUSIBLE_SPEED_KMH / 3.6) * seconds + GPS_JUMP_TOLERANCE_M) {
            for (const k of [state, this.fleet]) {
              k.meters += meters;
              k.drivingMs += seconds * 1000;
            }
          }
        }
      }
    }
    if (!previous || reading.epochMs >= previous.epochMs) {
      state.previous = { epochMs: reading.epochMs, accelerationMps2: acceleration, latitude: reading.latitude, longitude: reading.longitude };
    }
  }

  result(): FleetPerformance {
    const summarise = (k: Kinematics) => ({
      samples: k.samples,
      distanceKm: Math.round(k.meters / 10) / 100,
      drivingHours: Math.round(k.drivingMs / 36_000) / 100,
      speedKmh: k.speed.summary(1),
      accelerationMps2: k.acceleration.summary(2),
      jerkMps3: k.jerk.summary(2),
    });
    return {
      vehicles: this.perVehicle.entries().map(([vehicleId, k]) => ({ vehicleId, ...summarise(k) })),
      fleet: summarise(this.fleet),
      untrackedReadings: this.perVehicle.untracked,
      histograms: {
        speedKmh: coarse(this.fleet.speed.histogram(), 5),
        accelerationMps2: coarse(this.fleet.acceleration.histogram(), 5),
        jerkMps3: coarse(this.fleet.jerk.histogram(), 4),
      },
    };
  }
}

function plausible(value: number | null, min: number, max: number): number | null {
  return value !== null && value >= min && value <= max ? value : null;
}

/** Merges every `factor` adjacent fine bins so a chart has tens of bars, not hundreds. */
function coarse(bins: readonly Bin[], factor: number): Bin[] {
  if (bins.length === 0) return [];
  const width = (bins[0]!.to - bins[0]!.from) * factor;
  const origin = bins[0]!.from;
  const merged = new Map<number, Bin>();
  for (const bin of bins) {
    const index = Math.floor((bin.from - origin) / width + 1e-9);
    const into = merged.get(index) ?? { from: origin + index * width, to: origin + (index + 1) * width, count: 0 };
    into.count += bin.count;
    merged.set(index, into);
  }
  return [...merged.values()].map((b) => ({ from: round(b.from), to: round(b.to), count: b.count }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
