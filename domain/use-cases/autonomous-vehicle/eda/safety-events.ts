import { haversineMeters } from '../shared/haversine.js';
import {
  EMERGENCY_BRAKING_MPS2,
  GPS_JUMP_TOLERANCE_M,
  HARD_BRAKING_MPS2,
  MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2,
  MAX_PLAUSIBLE_SPEED_KMH,
  SEGMENT_GAP_SECONDS,
} from '../shared/thresholds.js';
import { ABRUPT_JERK_MPS3, HARSH_ACCELERATION_MPS2, MIN_DISTANCE_FOR_RATES_KM } from './eda-thresholds.js';
import { PerVehicle } from './per-vehicle.js';
import type { TelemetryReading } from './telemetry-fields.js';

export const SAFETY_EVENTS = ['hard_braking', 'emergency_braking', 'harsh_acceleration', 'abrupt_jerk'] as const;
export type SafetyEvent = (typeof SAFETY_EVENTS)[number];

export const SAFETY_EVENT_LABELS: Record<SafetyEvent, string> = {
  hard_braking: `hard braking (< ${HARD_BRAKING_MPS2} m/s²)`,
  emergency_braking: `emergency braking (< ${EMERGENCY_BRAKING_MPS2} m/s²)`,
  harsh_acceleration: `harsh acceleration (> ${HARSH_ACCELERATION_MPS2} m/s²)`,
  abrupt_jerk: `abrupt jerk (|jerk| > ${ABRUPT_JERK_MPS3} m/s³)`,
};

export interface SafetyFigures {
  distanceKm: number;
  events: Record<SafetyEvent, number>;
  /** Events per 1,000 km; null when the distance is too short for a rate to mean anything. */
  per1000Km: Record<SafetyEvent, number | null>;
}

export interface SafetyReport {
  vehicles: (SafetyFigures & { vehicleId: string })[];
  roadTypes: (SafetyFigures & { roadType: string })[];
  fleet: SafetyFigures;
  thresholds: Record<string, number>;
}

interface Tally {
  meters: number;
  events: Record<SafetyEvent, number>;
}

interface VehicleState {
  tally: Tally;
  previous: { epochMs: number; acceleration: number | null; latitude: number | null; longitude: number | null } | undefined;
  /** Which manoeuvres are under way: consecutive readings past a threshold are one event. */
  ongoing: Set<'brake' | 'emergency' | 'accelerate' | 'jerk'>;
}

const newTally = (): Tally => ({ meters: 0, events: { hard_braking: 0, emergency_braking: 0, harsh_acceleration: 0, abrupt_jerk: 0 } });
/** Road types are labels from the file: a bounded number is kept, the rest pooled. */
const MAX_ROAD_TYPES = 30;

/**
 * Safety-relevant manoeuvres and distance per vehicle and per road type in one pass, so events
 * can be compared per 1,000 km. A run of consecutive readings past a threshold is one event (a
 * three-second stop at 1 Hz is one stop); a data gap ends the run.
 */
export class SafetyScan {
  private readonly perVehicle = new PerVehicle<VehicleState>(() => ({ tally: newTally(), previous: undefined, ongoing: new Set() }));
  private readonly perRoad = new Map<string, Tally>();
  private readonly fleet = newTally();

  add(reading: TelemetryReading): void {
    const state = this.perVehicle.get(reading.vehicleId);
    if (!state || reading.epochMs === undefined) return;
    const previous = state.previous;
    if (previous && reading.epochMs < previous.epochMs) return;
    const seconds = previous ? (reading.epochMs - previous.epochMs) / 1000 : Infinity;
    const contiguous = seconds > 0 && seconds <= SEGMENT_GAP_SECONDS;
    if (!contiguous) state.ongoing.clear();
    const road = this.roadTally(reading.roadType);
    const tallies = [state.tally, road, this.fleet];
    const acceleration =
      reading.accelerationMps2 !== null && Math.abs(reading.accelerationMps2) <= MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2 ? reading.accelerationMps2 : null;

    if (contiguous && previous && reading.latitude !== null && reading.longitude !== null && previous.latitude !== null && previous.longitude !== null) {
      const meters = haversineMeters(previous.latitude, previous.longitude, reading.latitude, reading.longitude);
      if (meters <= (MAX_PLAUSIBLE_SPEED_KMH / 3.6) * seconds + GPS_JUMP_TOLERANCE_M) for (const t of tallies) t.meters += meters;
    }
    const jerk = contiguous && previous && acceleration !== null && previous.acceleration !== null ? (acceleration - previous.acceleration) / seconds : null;
    const crossing = (key: 'brake' | 'emergency' | 'accelerate' | 'jerk', past: boolean, event: SafetyEvent) => {
      if (past && !state.ongoing.has(key)) for (const t of tallies) t.events[event]++;
      if (past) state.ongoing.add(key);
      else state.ongoing.delete(key);
    };
    if (acceleration !== null) {
      crossing('brake', acceleration < HARD_BRAKING_MPS2, 'hard_braking');
      crossing('emergency', acceleration < EMERGENCY_BRAKING_MPS2, 'emergency_braking');
      crossing('accelerate', acceleration > HARSH_ACCELERATION_MPS2, 'harsh_acceleration');
    }
    crossing('jerk', jerk !== null && Math.abs(jerk) > ABRUPT_JERK_MPS3, 'abrupt_jerk');
    state.previous = { epochMs: reading.epochMs, acceleration, latitude: reading.latitude, longitude: reading.longitude };
  }

  result(): SafetyReport {
    return {
      vehicles: this.perVehicle.entries().map(([vehicleId, state]) => ({ vehicleId, ...figures(state.tally) })),
      roadTypes: [...this.perRoad.entries()]
        .sort((a, b) => b[1].meters - a[1].meters || a[0].localeCompare(b[0]))
        .map(([roadType, tally]) => ({ roadType, ...figures(tally) })),
      fleet: figures(this.fleet),
      thresholds: {
        hardBrakingMps2: HARD_BRAKING_MPS2,
        emergencyBrakingMps2: EMERGENCY_BRAKING_MPS2,
        harshAccelerationMps2: HARSH_ACCELERATION_MPS2,
        abruptJerkMps3: ABRUPT_JERK_MPS3,
        minDistanceForRatesKm: MIN_DISTANCE_FOR_RATES_KM,
      },
    };
  }

  private roadTally(roadType: string): Tally {
    const key = this.perRoad.has(roadType) || this.perRoad.size < MAX_ROAD_TYPES ? roadType : '(other road types)';
    let tally = this.perRoad.get(key);
    if (!tally) this.perRoad.set(key, (tally = newTally()));
    return tally;
  }
}

function figures(tally: Tally): SafetyFigures {
  const km = tally.meters / 1000;
  const rate = (n: number) => (km >= MIN_DISTANCE_FOR_RATES_KM ? Math.round((n / km) * 1000 * 100) / 100 : null);
  return {
    distanceKm: Math.round(km * 100) / 100,
    events: { ...tally.events },
    per1000Km: {
      hard_braking: rate(tally.events.hard_braking),
      emergency_braking: rate(tally.events.emergency_braking),
      harsh_acceleration: rate(tally.events.harsh_acceleration),
      abrupt_jerk: rate(tally.events.abrupt_jerk),
    },
  };
}
