import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { countBySeverity, deriveInsights } from '#domain/insights/index.js';
import { EDA_ARTIFACTS } from '#domain/reporting/eda/index.js';
import { MVP_EDA_ARTIFACTS } from '../names.js';
import type { Exploration } from './exploration.js';

/** Turns the profile and the time-order facts into findings, each with its severity and numbers. */
export const generateInsights: StepDefinition = {
  name: 'generate_insights',
  policy: EDA_PASS_POLICY,
  description: 'Derives findings (missingness, outliers, skew, correlations, duplicates, mixed types, timestamp gaps...) with their evidence.',
  async run(context) {
    const profile = await context.readArtifactJson<DatasetProfile>(EDA_ARTIFACTS.profile);
    const exploration = await context.readArtifactJson<Exploration>(MVP_EDA_ARTIFACTS.exploration);
    const insights = deriveInsights(profile, { timestampSequences: exploration.timestampSequences });
    await context.writeJsonArtifact(EDA_ARTIFACTS.insights, insights);
    const counts = countBySeverity(insights);
    return { summary: { findings: insights.length, ...counts, topFinding: insights[0]?.title ?? null } };
  },
};
