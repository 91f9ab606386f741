import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { countBySeverity, formatCount } from '#domain/insights/index.js';
import { EDA_ARTIFACTS, fileNameOf, writeEdaNotification, writeEdaReport } from '#domain/reporting/eda/index.js';
import { MVP_EDA_ARTIFACTS } from '../names.js';
import type { Exploration } from './exploration.js';
import { rolesSection } from './roles-section.js';

/** Draws the charts and writes the self-contained report.html, then the note the uploader receives. */
export const createVisualizations: StepDefinition = {
  name: 'create_visualizations',
  policy: EDA_PASS_POLICY,
  description: 'Renders histograms, top values, the correlation heatmap and the missingness chart into a self-contained report.html.',
  async run(context) {
    const profile = await context.readArtifactJson<DatasetProfile>(EDA_ARTIFACTS.profile);
    const exploration = await context.readArtifactJson<Exploration>(MVP_EDA_ARTIFACTS.exploration);
    const insights = await context.readArtifactJson<Insight[]>(EDA_ARTIFACTS.insights);
    const report = await writeEdaReport(context, { useCaseTitle: 'General data file', profile, insights, sections: [rolesSection(exploration)] });
    const counts = countBySeverity(insights);
    const file = fileNameOf(context.input.key);
    await writeEdaNotification(context, {
      subject: `${file}: data report ready, ${insights.length} finding${insights.length === 1 ? '' : 's'}${counts.critical ? ` (${counts.critical} critical)` : ''}`,
      lines: [
        `${file}: ${formatCount(profile.rows)} rows, ${formatCount(profile.columns.length)} columns profiled.`,
        insights.length
          ? `Findings: ${insights
              .slice(0, 3)
              .map((i) => i.title)
              .join('; ')}${insights.length > 3 ? '; ...' : ''}.`
          : 'Nothing stood out.',
        `The report is report.html (s3://${report.bucket}/${report.key}).`,
      ],
    });
    return { summary: { reportKey: report.key, reportBytes: report.size, findings: insights.length } };
  },
};
