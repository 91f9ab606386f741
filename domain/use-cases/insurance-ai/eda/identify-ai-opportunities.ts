import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { formatPercent } from '#domain/insights/index.js';
import { EDA_ARTIFACTS } from '#domain/reporting/eda/index.js';
import { identifyOpportunities, type AiOpportunity } from './ai-opportunities.js';
import { INSURANCE_EDA_ARTIFACTS } from '../names.js';
import type { LegacyFormats } from './load-legacy-data.js';
import type { SegmentAnalysis } from './segment-analysis.js';

export const identifyAiOpportunities: StepDefinition = {
  name: 'identify_ai_opportunities',
  policy: EDA_PASS_POLICY,
  description: 'Ranks AI use cases (pricing, fraud screening, triage, retention, legacy normalisation) by value and data readiness, with evidence.',
  async run(context) {
    const profile = await context.readArtifactJson<DatasetProfile>(EDA_ARTIFACTS.profile);
    const segments = await context.readArtifactJson<SegmentAnalysis>(INSURANCE_EDA_ARTIFACTS.segments);
    const formats = await context.readArtifactJson<LegacyFormats>(INSURANCE_EDA_ARTIFACTS.legacyFormats);
    const opportunities = identifyOpportunities(profile, segments, formats);
    await context.writeJsonArtifact(INSURANCE_EDA_ARTIFACTS.opportunities, opportunities);
    await context.writeArtifact({
      name: INSURANCE_EDA_ARTIFACTS.opportunitiesMarkdown,
      body: opportunitiesMarkdown(opportunities),
      contentType: 'text/markdown; charset=utf-8',
    });
    return { summary: { opportunities: opportunities.length, top: opportunities[0]?.title ?? null, topScore: opportunities[0]?.score ?? null } };
  },
};

function opportunitiesMarkdown(opportunities: readonly AiOpportunity[]): string {
  const lines = ['# AI opportunities', '', 'Ranked by score = value × data readiness.', ''];
  opportunities.forEach((o, i) => {
    lines.push(
      `## ${i + 1}. ${o.title} (score ${o.score})`,
      '',
      `Value ${formatPercent(o.value)}, data readiness ${formatPercent(o.readiness)}.`,
      '',
      o.evidence,
      '',
      `Data needed: ${o.dataNeeded.join(', ')}.`,
      '',
      `Next step: ${o.nextStep}`,
      '',
    );
  });
  return lines.join('\n');
}
