import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { deriveInsights, formatNumber } from '#domain/insights/index.js';
import { EDA_ARTIFACTS, fileNameOf, writeEdaNotification, writeEdaReport } from '#domain/reporting/eda/index.js';
import type { AnomalyReport } from './anomaly-scan.js';
import { AV_EDA_ARTIFACTS } from '../names.js';
import { anomaliesSection, performanceSection, safetySection } from './report-sections.js';
import { SafetyScan } from './safety-events.js';
import { safetyMarkdown } from './safety-markdown.js';
import { scannedTelemetry } from './telemetry-pass.js';
import type { FleetPerformance } from './vehicle-performance.js';

/** Counts safety events per 1,000 km and writes the journey's report: performance, anomalies, safety and the profile. */
export const generateSafetyReports: StepDefinition = {
  name: 'generate_safety_reports',
  policy: EDA_PASS_POLICY,
  description: 'Hard braking, emergency braking, harsh acceleration and abrupt jerk per 1,000 km per vehicle and road type, with the report.',
  async run(context) {
    const safety = await scannedTelemetry(context, 'safety', () => new SafetyScan());
    const file = fileNameOf(context.input.key);
    await context.writeJsonArtifact(AV_EDA_ARTIFACTS.safety, safety);
    await context.writeArtifact({ name: AV_EDA_ARTIFACTS.safetyMarkdown, body: safetyMarkdown(safety, file), contentType: 'text/markdown; charset=utf-8' });

    const profile = await context.readArtifactJson<DatasetProfile>(EDA_ARTIFACTS.profile);
    const performance = await context.readArtifactJson<FleetPerformance>(AV_EDA_ARTIFACTS.performance);
    const anomalies = await context.readArtifactJson<AnomalyReport & { findings: Insight[] }>(AV_EDA_ARTIFACTS.anomalies);
    const insights = [...anomalies.findings, ...deriveInsights(profile)];
    await context.writeJsonArtifact(EDA_ARTIFACTS.insights, insights);
    const report = await writeEdaReport(context, {
      useCaseTitle: 'Autonomous-vehicle test data',
      profile,
      insights,
      sections: [await performanceSection(performance), await anomaliesSection(anomalies), await safetySection(safety)],
    });
    const rate = safety.fleet.per1000Km.hard_braking;
    await writeEdaNotification(context, {
      subject: `${file}: safety report ready, ${rate === null ? 'too little distance for rates' : `${formatNumber(rate)} hard-braking events per 1,000 km`}`,
      lines: [
        `${safety.vehicles.length} vehicle(s), ${formatNumber(safety.fleet.distanceKm)} km: ${safety.fleet.events.hard_braking} hard-braking, ${safety.fleet.events.emergency_braking} emergency-braking and ${safety.fleet.events.harsh_acceleration} harsh-acceleration events.`,
        `Anomalies: ${anomalies.totals.sensor_dropout} readings with sensor dropouts, ${anomalies.totals.timestamp_gap} timestamp gaps, ${anomalies.totals.impossible_value + anomalies.totals.impossible_jump} impossible values or jumps.`,
        `The report is report.html (s3://${report.bucket}/${report.key}); the tables are in safety-report.md.`,
      ],
    });
    return {
      summary: {
        distanceKm: safety.fleet.distanceKm,
        hardBraking: safety.fleet.events.hard_braking,
        hardBrakingPer1000Km: rate,
        emergencyBraking: safety.fleet.events.emergency_braking,
        harshAcceleration: safety.fleet.events.harsh_acceleration,
        findings: insights.length,
      },
    };
  },
};
