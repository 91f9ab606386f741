import type { SeededRandom } from '#domain/randomness/seeded-random.js';
import type { DrivePlan, Leg } from './fleet-plan.js';
import type { SimulatedRow } from './simulated-row.js';

const METERS_PER_DEGREE = 111_320;
/** Drivers slow down when grip or visibility drops. */
const WEATHER_SPEED_FACTOR: Record<string, number> = { clear: 1, rain: 0.9, fog: 0.8, snow: 0.7 };

interface BrakingWindow {
  from: number;
  to: number;
  decelerationMps2: number;
}

/**
 * A 1 Hz drive: a speed controller chasing each leg's cruise speed, traffic-light stops in
 * town, and a few scripted hard stops. Acceleration is the actual change in speed, so the two
 * columns agree the way real CAN data does.
 */
export function simulateDrive(plan: DrivePlan, random: SeededRandom): SimulatedRow[] {
  const rows: SimulatedRow[] = [];
  const braking = scheduleHardBraking(plan.legs, random);
  let speed = 0;
  let { latitude, longitude } = plan.origin;
  let heading = random.between(0, 360);
  let second = 0;
  for (const leg of plan.legs) {
    const lights = leg.roadType === 'urban' && leg.cruiseKmh > 0 ? trafficLights(leg.seconds, random) : [];
    for (let s = 0; s < leg.seconds; s++, second++) {
      const stoppedAtLight = lights.some(([from, to]) => s >= from && s < to);
      const target = stoppedAtLight ? 0 : (leg.cruiseKmh / 3.6) * (WEATHER_SPEED_FACTOR[plan.weather] ?? 1);
      const hardStop = braking.find((b) => second >= b.from && second < b.to);
      let acceleration: number;
      if (hardStop) acceleration = hardStop.decelerationMps2;
      else if (target === 0 && speed < 0.5)
        acceleration = -speed; // come to rest instead of creeping
      else acceleration = Math.min(2.0, Math.max(-2.8, 0.3 * (target - speed) + random.normal(0, 0.12)));
      const next = Math.max(0, speed + acceleration);
      heading = steer(heading, leg, next, random);
      const meters = (speed + next) / 2;
      latitude += (meters * Math.cos((heading * Math.PI) / 180)) / METERS_PER_DEGREE;
      longitude += (meters * Math.sin((heading * Math.PI) / 180)) / (METERS_PER_DEGREE * Math.cos((latitude * Math.PI) / 180));
      rows.push({
        epochMs: plan.startMs + second * 1000,
        vehicleId: plan.vehicleId,
        speedKmh: next * 3.6,
        accelerationMps2: next - speed,
        latitude,
        longitude,
        heading,
        roadType: leg.roadType,
        weather: plan.weather,
      });
      speed = next;
    }
  }
  return rows;
}

/** At least one hard stop per drive, on a leg fast enough for it to matter; sometimes another. */
function scheduleHardBraking(legs: readonly Leg[], random: SeededRandom): BrakingWindow[] {
  const windows: BrakingWindow[] = [];
  const candidates: { start: number; leg: Leg }[] = [];
  let start = 0;
  for (const leg of legs) {
    if (leg.cruiseKmh >= 30 && leg.seconds >= 60) candidates.push({ start, leg });
    start += leg.seconds;
  }
  const forced = candidates.length > 0 ? random.integer(0, candidates.length - 1) : -1;
  candidates.forEach(({ start: legStart, leg }, index) => {
    if (index !== forced && random.next() > 0.3) return;
    const from = legStart + random.integer(30, leg.seconds - 15);
    windows.push({ from, to: from + random.integer(2, 3), decelerationMps2: random.between(-7.6, -4.6) });
  });
  return windows;
}

/** Red lights every minute or two, 15-25 s each, as [from, to) seconds into the leg. */
function trafficLights(seconds: number, random: SeededRandom): [number, number][] {
  const lights: [number, number][] = [];
  for (let at = random.integer(40, 70); at + 25 < seconds; at += random.integer(60, 100)) lights.push([at, at + random.integer(15, 25)]);
  return lights;
}

function steer(heading: number, leg: Leg, speed: number, random: SeededRandom): number {
  if (speed < 1) return heading;
  let turned = heading + random.normal(0, leg.roadType === 'highway' ? 0.4 : 1.5);
  if (leg.roadType === 'urban' && random.next() < 0.015) turned += random.pick([-90, 90]);
  return ((turned % 360) + 360) % 360;
}
