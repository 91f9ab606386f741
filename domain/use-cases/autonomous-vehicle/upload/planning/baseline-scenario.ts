import type { ConditionTally } from '../conditions/condition-tally.js';
import type { ScenarioDraft } from './test-scenario.js';
import { formatCount, formatShare } from '../numbers/format-number.js';
import { weatherPhrase, words } from './wording.js';

/**
 * The most common condition, as a low-priority regression run: most driving happens there, so
 * a regression there hurts most often even if it is the least interesting to test.
 */
export function baselineScenario(tally: ConditionTally): ScenarioDraft | undefined {
  // Ties went to the condition that reached the count first (see the tally), which keeps the choice deterministic.
  const best = tally.mostCommon;
  if (!best) return undefined;
  const { speedBand, roadType, weather, timeOfDay } = best;
  const share = formatShare(best.samples, tally.totalSamples);
  return {
    title: `Regression baseline: ${words(roadType)}, ${weatherPhrase(weather)}, ${speedBand} km/h, ${words(timeOfDay)}`,
    priority: 'low',
    kind: 'baseline_regression',
    conditions: { speedBand, roadType, weather, timeOfDay },
    rationale: `The most common condition in the data (${formatCount(best.samples)} of ${formatCount(tally.totalSamples)} samples, ${share}); re-run on every release.`,
    evidence: { samples: best.samples, totalSamples: tally.totalSamples },
  };
}
