import type { ConditionTally } from '../conditions/condition-tally.js';
import { isAdverseWeather, isHighSpeed, isLowLight, isPlausible, type ConditionSpace } from '../conditions/operating-conditions.js';
import type { SpeedBand } from '../conditions/speed-band.js';
import { SPARSE_MIN_SAMPLES, SPARSE_SHARE } from '../../shared/thresholds.js';
import type { Priority, ScenarioDraft } from './test-scenario.js';
import { capitalised, weatherPhrase, words } from './wording.js';
import { formatCount, formatShare } from '../numbers/format-number.js';

/** How much harm a gap could hide: decides the priority together with whether it is a gap at all. */
type Risk = 'safety' | 'elevated' | 'baseline';

const PRIORITY: Record<'unobserved' | 'sparse', Record<Risk, Priority>> = {
  unobserved: { safety: 'critical', elevated: 'high', baseline: 'medium' },
  sparse: { safety: 'high', elevated: 'medium', baseline: 'low' },
};

/**
 * Scenarios for condition pairs the data never or barely shows: road type x weather, speed band
 * x road type, weather x time of day. Pairs rather than the full 4-way grid, whose hundreds of
 * empty cells would bury the handful that matter.
 */
export function conditionGapScenarios(conditions: ConditionTally, space: ConditionSpace): ScenarioDraft[] {
  const total = conditions.totalSamples;
  const tally = new Tally();
  for (const c of conditions.conditions) {
    tally.add(c.samples, 'road', c.roadType);
    tally.add(c.samples, 'weather', c.weather);
    tally.add(c.samples, 'time', c.timeOfDay);
    tally.add(c.samples, 'road+weather', c.roadType, c.weather);
    tally.add(c.samples, 'band+road', c.speedBand, c.roadType);
    tally.add(c.samples, 'weather+time', c.weather, c.timeOfDay);
  }
  const sparseBelow = Math.max(SPARSE_MIN_SAMPLES, SPARSE_SHARE * total);
  const drafts: ScenarioDraft[] = [];
  const consider = (count: number, risk: Risk, draft: (state: 'unobserved' | 'sparse') => Omit<ScenarioDraft, 'priority' | 'kind'>): void => {
    if (count >= sparseBelow) return;
    const state = count === 0 ? 'unobserved' : 'sparse';
    drafts.push({ ...draft(state), priority: PRIORITY[state][risk], kind: state === 'unobserved' ? 'unobserved_condition' : 'sparse_condition' });
  };
  const observed = (count: number, state: 'unobserved' | 'sparse', what: string): string =>
    state === 'unobserved'
      ? `none of the ${formatCount(total)} samples were recorded ${what}`
      : `only ${formatCount(count)} of ${formatCount(total)} samples (${formatShare(count, total)}) were recorded ${what}, fewer than the ${formatCount(Math.ceil(sparseBelow))} that count as covered`;

  const roads = space.roadTypes.filter(known);
  const weathers = space.weathers.filter(known);
  for (const road of roads) {
    for (const weather of weathers) {
      const count = tally.get('road+weather', road, weather);
      consider(count, isAdverseWeather(weather) ? 'safety' : 'elevated', (state) => ({
        title: `${capitalised(words(road))} driving in ${weatherPhrase(weather)}`,
        conditions: { roadType: road, weather },
        rationale:
          `${capitalised(observed(count, state, `on ${words(road)} roads in ${weatherPhrase(weather)}`))}` +
          ` (${words(road)} overall: ${formatCount(tally.get('road', road))} samples; ${weatherPhrase(weather)} overall: ${formatCount(tally.get('weather', weather))}).`,
        evidence: { samples: count, totalSamples: total, roadTypeSamples: tally.get('road', road), weatherSamples: tally.get('weather', weather) },
      }));
    }
  }
  for (const road of roads) {
    for (const band of space.speedBands) {
      if (!isPlausible(band, road)) continue;
      const count = tally.get('band+road', band, road);
      consider(count, isHighSpeed(band) ? 'elevated' : 'baseline', (state) => ({
        title: `${capitalised(words(road))} driving at ${band} km/h`,
        conditions: { roadType: road, speedBand: band as SpeedBand },
        rationale: `${capitalised(observed(count, state, `at ${band} km/h on ${words(road)} roads`))} (${words(road)} overall: ${formatCount(tally.get('road', road))} samples).`,
        evidence: { samples: count, totalSamples: total, roadTypeSamples: tally.get('road', road) },
      }));
    }
  }
  // Weather never seen at all is already asked for per road type above; repeating it per time of day adds noise.
  for (const weather of weathers.filter((w) => tally.get('weather', w) > 0)) {
    for (const time of space.timesOfDay.filter(known)) {
      const count = tally.get('weather+time', weather, time);
      const risk: Risk = isAdverseWeather(weather) && isLowLight(time) ? 'safety' : isAdverseWeather(weather) || isLowLight(time) ? 'elevated' : 'baseline';
      consider(count, risk, (state) => ({
        title: `${capitalised(words(time))} driving in ${weatherPhrase(weather)}`,
        conditions: { weather, timeOfDay: time },
        rationale:
          `${capitalised(observed(count, state, `in ${weatherPhrase(weather)} during the ${words(time)}`))}` +
          ` (${weatherPhrase(weather)} overall: ${formatCount(tally.get('weather', weather))} samples; ${words(time)} overall: ${formatCount(tally.get('time', time))}).`,
        evidence: { samples: count, totalSamples: total, weatherSamples: tally.get('weather', weather), timeOfDaySamples: tally.get('time', time) },
      }));
    }
  }
  return drafts;
}

/** `unknown` is the absence of a label, not a condition one can go out and test. */
function known(value: string): boolean {
  return value !== 'unknown';
}

class Tally {
  private readonly counts = new Map<string, number>();

  add(samples: number, dimension: string, ...values: string[]): void {
    const key = [dimension, ...values].join('\u0000');
    this.counts.set(key, (this.counts.get(key) ?? 0) + samples);
  }

  get(dimension: string, ...values: string[]): number {
    return this.counts.get([dimension, ...values].join('\u0000')) ?? 0;
  }
}
