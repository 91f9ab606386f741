import type { StepDefinition } from '#domain/journeys/step-definition.js';
import type { HardBrakingEvent } from './driving/hard-braking.js';
import { buildTestPlan } from './planning/build-test-plan.js';
import { renderTestPlanMarkdown } from './planning/test-plan-markdown.js';
import { AV_ARTIFACTS } from '../names.js';
import { conditionsNotRecorded } from './telemetry/conditions-not-recorded.js';
import type { ConditionTally } from './conditions/condition-tally.js';

export const createTestPlan: StepDefinition = {
  name: 'create_test_plan',
  description: 'Derives prioritised test scenarios from the operating conditions the telemetry covers, misses, and the hard braking it records',
  async run(context) {
    const conditions = await context.readArtifactJson<ConditionTally>(AV_ARTIFACTS.conditionTally);
    const { events } = await context.readArtifactJson<{ events: HardBrakingEvent[] }>(AV_ARTIFACTS.hardBrakingEvents);
    const plan = buildTestPlan(conditions, events, await conditionsNotRecorded(context));
    await context.writeJsonArtifact(AV_ARTIFACTS.testPlan, plan);
    await context.writeArtifact({ name: AV_ARTIFACTS.testPlanMarkdown, body: renderTestPlanMarkdown(plan), contentType: 'text/markdown; charset=utf-8' });
    return {
      summary: {
        scenarios: plan.totals.scenarios,
        critical: plan.byPriority.critical,
        high: plan.byPriority.high,
        medium: plan.byPriority.medium,
        low: plan.byPriority.low,
        conditionsNotRecorded: plan.notRecorded.map((n) => n.field).join(', ') || null,
      },
    };
  },
};
