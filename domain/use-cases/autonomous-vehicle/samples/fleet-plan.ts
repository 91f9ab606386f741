import type { SeededRandom } from '#domain/randomness/seeded-random.js';

export interface Leg {
  roadType: string;
  /** 0 means parked for the whole leg. */
  cruiseKmh: number;
  seconds: number;
}

export interface DrivePlan {
  vehicleId: string;
  startMs: number;
  weather: string;
  origin: { latitude: number; longitude: number };
  legs: Leg[];
}

const DAY = '2026-03-02';
const MUNICH = { latitude: 48.137154, longitude: 11.576124 };

/**
 * Four vehicles, two drives each, on one day. The shape is fixed so every seed shows the same
 * kinds of conditions (and the same gap: no snow); the seed varies durations, speeds and start
 * times. Two drives include a parking stop, which must split them into two segments.
 */
export function fleetPlan(random: SeededRandom): DrivePlan[] {
  const drive = (vehicleId: string, time: string, weather: string, legs: [string, number, number][], originOffset: number): DrivePlan => ({
    vehicleId,
    startMs: Date.parse(`${DAY}T${time}:00Z`) + random.integer(0, 300) * 1000,
    weather,
    origin: { latitude: MUNICH.latitude + originOffset * 0.01, longitude: MUNICH.longitude - originOffset * 0.015 },
    legs: legs.map(([roadType, cruiseKmh, seconds]) => ({
      roadType,
      cruiseKmh: cruiseKmh === 0 ? 0 : Math.round(cruiseKmh * random.between(0.95, 1.05)),
      // Parking must outlast the long-stop threshold, so only driving legs vary in length.
      seconds: cruiseKmh === 0 ? seconds : Math.round(seconds * random.between(0.85, 1.15)),
    })),
  });
  return [
    drive(
      'AV-01',
      '07:40',
      'clear',
      [
        ['urban', 45, 90],
        ['highway', 120, 150],
        ['urban', 45, 60],
      ],
      0,
    ),
    drive(
      'AV-01',
      '13:10',
      'rain',
      [
        ['rural', 80, 200],
        ['urban', 45, 80],
      ],
      1,
    ),
    drive(
      'AV-02',
      '08:25',
      'fog',
      [
        ['urban', 40, 60],
        ['rural', 75, 150],
        ['highway', 110, 100],
      ],
      2,
    ),
    drive(
      'AV-02',
      '18:40',
      'rain',
      [
        ['urban', 45, 180],
        ['urban', 0, 180],
        ['urban', 40, 90],
      ],
      3,
    ),
    drive(
      'AV-03',
      '11:50',
      'clear',
      [
        ['highway', 132, 240],
        ['rural', 85, 80],
      ],
      4,
    ),
    drive(
      'AV-03',
      '22:30',
      'clear',
      [
        ['rural', 80, 150],
        ['highway', 115, 120],
      ],
      5,
    ),
    drive(
      'AV-04',
      '16:45',
      'clear',
      [
        ['urban', 45, 150],
        ['urban', 0, 150],
        ['urban', 40, 100],
      ],
      6,
    ),
    drive(
      'AV-04',
      '20:20',
      'rain',
      [
        ['highway', 118, 200],
        ['urban', 45, 60],
      ],
      7,
    ),
  ];
}
