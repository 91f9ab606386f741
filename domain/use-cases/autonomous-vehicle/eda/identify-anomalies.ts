import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { anomalyInsights } from './anomaly-insights.js';
import { AnomalyScan } from './anomaly-scan.js';
import { AV_EDA_ARTIFACTS } from '../names.js';
import { scannedTelemetry } from './telemetry-pass.js';

export const identifyAnomalies: StepDefinition = {
  name: 'identify_anomalies',
  policy: EDA_PASS_POLICY,
  description: 'Finds sensor dropouts, timestamp gaps and disorder, impossible values and impossible jumps, per vehicle, with their rows.',
  async run(context) {
    const report = await scannedTelemetry(context, 'anomalies', () => new AnomalyScan());
    const findings = anomalyInsights(report);
    await context.writeJsonArtifact(AV_EDA_ARTIFACTS.anomalies, { ...report, findings });
    const t = report.totals;
    return {
      summary: {
        sensorDropouts: t.sensor_dropout,
        timestampGaps: t.timestamp_gap,
        timestampDisorder: t.timestamp_disorder,
        impossibleValues: t.impossible_value,
        impossibleJumps: t.impossible_jump,
        findings: findings.length,
      },
    };
  },
};
