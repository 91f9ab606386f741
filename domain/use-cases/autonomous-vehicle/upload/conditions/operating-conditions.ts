import { compareText } from '../numbers/count-by.js';
import { TIMES_OF_DAY } from '../telemetry/time-of-day.js';
import type { ConditionTally } from './condition-tally.js';
import { SPEED_BANDS, type SpeedBand } from './speed-band.js';

/**
 * Conditions a test programme is expected to cover even if the data never mentions them: a gap
 * is only visible against a list of what should be there.
 */
export const EXPECTED_ROAD_TYPES = ['highway', 'urban', 'rural'] as const;
export const EXPECTED_WEATHER = ['clear', 'rain', 'snow', 'fog'] as const;
export const EXPECTED_TIMES_OF_DAY = TIMES_OF_DAY;

/** Weather that does not degrade grip or sensing; anything else (rain, snow, fog, ice, ...) does. */
const BENIGN_WEATHER = new Set(['clear', 'sunny', 'cloudy', 'overcast', 'dry', 'unknown']);
/** Times with poor or changing light, where camera perception is weakest. */
const LOW_LIGHT = new Set(['night', 'evening', 'dusk', 'dawn']);

export function isAdverseWeather(weather: string): boolean {
  return !BENIGN_WEATHER.has(weather);
}

export function isLowLight(timeOfDay: string): boolean {
  return LOW_LIGHT.has(timeOfDay);
}

export function isHighSpeed(band: SpeedBand): boolean {
  return band === '90-120' || band === '120+';
}

/**
 * Whether a speed band can occur on a road type at all. Urban streets above 90 km/h are not a
 * coverage gap to chase; they would be a finding about the driver.
 */
export function isPlausible(band: SpeedBand, roadType: string): boolean {
  return !(roadType === 'urban' && isHighSpeed(band));
}

export interface ConditionSpace {
  speedBands: readonly SpeedBand[];
  roadTypes: string[];
  weathers: string[];
  timesOfDay: string[];
}

/** Expected values first in their fixed order, then whatever else the data holds, sorted. */
export function conditionSpace(tally: ConditionTally): ConditionSpace {
  return {
    speedBands: SPEED_BANDS,
    roadTypes: withObserved(
      EXPECTED_ROAD_TYPES,
      tally.conditions.map((c) => c.roadType),
    ),
    weathers: withObserved(
      EXPECTED_WEATHER,
      tally.conditions.map((c) => c.weather),
    ),
    timesOfDay: withObserved(
      EXPECTED_TIMES_OF_DAY,
      tally.conditions.map((c) => c.timeOfDay),
    ),
  };
}

function withObserved(expected: readonly string[], observed: readonly string[]): string[] {
  const extra = [...new Set(observed)].filter((value) => !expected.includes(value)).sort(compareText);
  return [...expected, ...extra];
}

export interface SampleCondition {
  speedBand: SpeedBand;
  roadType: string;
  weather: string;
  timeOfDay: string;
}
