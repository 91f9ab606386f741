import type { SampleCondition } from '../conditions/operating-conditions.js';

export type Priority = 'critical' | 'high' | 'medium' | 'low';
export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low'];

export type ScenarioKind = 'unobserved_condition' | 'sparse_condition' | 'hard_braking_replay' | 'baseline_regression';
export const SCENARIO_KINDS: readonly ScenarioKind[] = ['unobserved_condition', 'sparse_condition', 'hard_braking_replay', 'baseline_regression'];

export interface TestScenario {
  id: string;
  title: string;
  priority: Priority;
  kind: ScenarioKind;
  /** Only the dimensions the scenario pins down; the others are free. */
  conditions: Partial<SampleCondition>;
  /** Why this scenario, in a sentence with the numbers behind it. */
  rationale: string;
  evidence: Record<string, string | number | (string | number)[]>;
}

/** A scenario before it is ranked and numbered. */
export type ScenarioDraft = Omit<TestScenario, 'id'>;
