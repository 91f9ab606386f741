import { conditionSpace, type ConditionSpace } from '../conditions/operating-conditions.js';
import type { HardBrakingEvent } from '../driving/hard-braking.js';
import type { ConditionNotRecorded } from '../telemetry/conditions-not-recorded.js';
import type { ConditionTally } from '../conditions/condition-tally.js';
import { EMERGENCY_BRAKING_MPS2, SPARSE_MIN_SAMPLES, SPARSE_SHARE } from '../../shared/thresholds.js';
import { baselineScenario } from './baseline-scenario.js';
import { conditionGapScenarios } from './condition-gap-scenarios.js';
import { hardBrakingScenarios } from './hard-braking-scenarios.js';
import { PRIORITIES, SCENARIO_KINDS, type Priority, type TestScenario } from './test-scenario.js';

export interface TestPlan {
  totals: { samples: number; vehicles: number; hardBrakingEvents: number; scenarios: number };
  byPriority: Record<Priority, number>;
  conditionSpace: ConditionSpace;
  /** Condition columns the file lacks: no gaps are planned on those axes. */
  notRecorded: ConditionNotRecorded[];
  rules: { sparseShare: number; sparseMinSamples: number; emergencyBrakingMps2: number; hardBrakingContextsLeftOut: number };
  scenarios: TestScenario[];
}

/** Gap, sparse, replay and baseline scenarios, ranked by priority then kind, numbered AV-TS-001... */
export function buildTestPlan(tally: ConditionTally, events: readonly HardBrakingEvent[], notRecorded: readonly ConditionNotRecorded[] = []): TestPlan {
  const space = conditionSpace(tally);
  const replay = hardBrakingScenarios(events);
  const baseline = baselineScenario(tally);
  const drafts = [...conditionGapScenarios(tally, space), ...replay.drafts, ...(baseline ? [baseline] : [])];
  // A stable sort keeps generation order inside a priority and kind, so ids never shuffle.
  const ranked = drafts
    .map((draft, order) => ({ draft, order }))
    .sort(
      (a, b) =>
        PRIORITIES.indexOf(a.draft.priority) - PRIORITIES.indexOf(b.draft.priority) ||
        SCENARIO_KINDS.indexOf(a.draft.kind) - SCENARIO_KINDS.indexOf(b.draft.kind) ||
        a.order - b.order,
    );
  const scenarios = ranked.map(({ draft }, index): TestScenario => ({ id: `AV-TS-${String(index + 1).padStart(3, '0')}`, ...draft }));
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, scenarios.filter((s) => s.priority === p).length])) as Record<Priority, number>;
  return {
    totals: { samples: tally.totalSamples, vehicles: tally.vehicles, hardBrakingEvents: events.length, scenarios: scenarios.length },
    byPriority,
    conditionSpace: space,
    notRecorded: [...notRecorded],
    rules: {
      sparseShare: SPARSE_SHARE,
      sparseMinSamples: SPARSE_MIN_SAMPLES,
      emergencyBrakingMps2: EMERGENCY_BRAKING_MPS2,
      hardBrakingContextsLeftOut: replay.contextsLeftOut,
    },
    scenarios,
  };
}
