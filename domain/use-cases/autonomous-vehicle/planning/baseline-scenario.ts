import { conditionOf } from '../conditions/operating-conditions.js';
import type { TelemetrySample } from '../telemetry/telemetry-sample.js';
import type { ScenarioDraft } from './test-scenario.js';
import { formatCount, formatShare } from '../shared/format-number.js';
import { weatherPhrase, words } from './wording.js';

/**
 * The most common condition, as a low-priority regression run: most driving happens there, so
 * a regression there hurts most often even if it is the least interesting to test.
 */
export function baselineScenario(samples: readonly TelemetrySample[]): ScenarioDraft | undefined {
  const counts = new Map<string, number>();
  let best: { key: string; count: number } | undefined;
  for (const sample of samples) {
    const c = conditionOf(sample);
    const key = JSON.stringify([c.speedBand, c.roadType, c.weather, c.timeOfDay]);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    // Ties go to the condition reached first, which keeps the choice deterministic.
    if (!best || count > best.count) best = { key, count };
  }
  if (!best) return undefined;
  const [speedBand, roadType, weather, timeOfDay] = JSON.parse(best.key) as [string, string, string, string];
  const share = formatShare(best.count, samples.length);
  return {
    title: `Regression baseline: ${words(roadType)}, ${weatherPhrase(weather)}, ${speedBand} km/h, ${words(timeOfDay)}`,
    priority: 'low',
    kind: 'baseline_regression',
    conditions: { speedBand: speedBand as ScenarioDraft['conditions']['speedBand'], roadType, weather, timeOfDay },
    rationale: `The most common condition in the data (${formatCount(best.count)} of ${formatCount(samples.length)} samples, ${share}); re-run on every release.`,
    evidence: { samples: best.count, totalSamples: samples.length },
  };
}
