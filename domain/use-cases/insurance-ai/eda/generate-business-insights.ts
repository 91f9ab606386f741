import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { deriveInsights, formatPercent } from '#domain/insights/index.js';
import { EDA_ARTIFACTS, fileNameOf, writeEdaNotification, writeEdaReport } from '#domain/reporting/eda/index.js';
import { CLAIM_STATUSES, LINES_OF_BUSINESS } from '../shared/code-lists.js';
import type { AiOpportunity } from './ai-opportunities.js';
import { businessInsights, businessInsightsMarkdown } from './business-insights.js';
import { contextualiseClaimColumns } from './claim-column-findings.js';
import { INSURANCE_EDA_ARTIFACTS } from '../names.js';
import type { LegacyFormats } from './load-legacy-data.js';
import { businessSection, opportunitiesSection, portfolioSection } from './report-sections.js';
import type { SegmentAnalysis } from './segment-analysis.js';

export const generateBusinessInsights: StepDefinition = {
  name: 'generate_business_insights',
  policy: EDA_PASS_POLICY,
  description: 'Writes the business insights and the journey report (segments, AI opportunities, data profile) as report.html.',
  async run(context) {
    const profile = await context.readArtifactJson<DatasetProfile>(EDA_ARTIFACTS.profile);
    const segments = await context.readArtifactJson<SegmentAnalysis>(INSURANCE_EDA_ARTIFACTS.segments);
    const formats = await context.readArtifactJson<LegacyFormats>(INSURANCE_EDA_ARTIFACTS.legacyFormats);
    const opportunities = await context.readArtifactJson<AiOpportunity[]>(INSURANCE_EDA_ARTIFACTS.opportunities);
    const statements = businessInsights(segments, opportunities);
    const file = fileNameOf(context.input.key);
    await context.writeArtifact({
      name: INSURANCE_EDA_ARTIFACTS.businessInsights,
      body: businessInsightsMarkdown(file, statements),
      contentType: 'text/markdown; charset=utf-8',
    });
    const insights = contextualiseClaimColumns(deriveInsights(profile), formats.records - (segments.portfolio.claims ?? 0));
    const order = { critical: 0, warning: 1, info: 2 };
    insights.sort((a, b) => order[a.severity] - order[b.severity]);
    await context.writeJsonArtifact(EDA_ARTIFACTS.insights, insights);
    const report = await writeEdaReport(context, {
      useCaseTitle: 'Insurance legacy extract',
      profile,
      insights,
      codeLabels: { claim_status: CLAIM_STATUSES, line_of_business: LINES_OF_BUSINESS },
      sections: [businessSection(statements), await portfolioSection(segments, formats, context.journeyStartedAt), await opportunitiesSection(opportunities)],
    });
    const p = segments.portfolio;
    await writeEdaNotification(context, {
      subject: `${file}: portfolio insights ready, ${lossRatioInWords(segments)}${opportunities[0] ? `; top AI opportunity: ${opportunities[0].title}` : ''}`,
      lines: [
        ...statements.slice(0, 4).map((s) => `- ${s.title}. ${s.text}`),
        `The report is report.html (s3://${report.bucket}/${report.key}); business-insights.md and ai-opportunities.md hold the text.`,
      ],
    });
    return { summary: { statements: statements.length, lossRatio: p.lossRatio, findings: insights.length, topOpportunity: opportunities[0]?.title ?? null } };
  },
};

function lossRatioInWords(segments: SegmentAnalysis): string {
  const ratio = segments.portfolio.lossRatio;
  if (ratio !== null) return `loss ratio ${formatPercent(ratio)}`;
  const why = segments.leftOut.find((l) => l.figure.includes('loss ratio'));
  return why ? `no loss ratio (${why.because})` : 'loss ratio unknown';
}
