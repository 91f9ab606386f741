import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { EDA_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { inputRecordBatches } from '#domain/reporting/eda/index.js';
import { anomalyInsights } from './anomaly-insights.js';
import { AnomalyScan } from './anomaly-scan.js';
import { AV_EDA_ARTIFACTS } from '../names.js';
import { telemetryReaderOf } from './telemetry-fields.js';

export const identifyAnomalies: StepDefinition = {
  name: 'identify_anomalies',
  policy: EDA_PASS_POLICY,
  description: 'Finds sensor dropouts, timestamp gaps and disorder, impossible values and impossible jumps, per vehicle, with their rows.',
  async run(context) {
    const read = await telemetryReaderOf(context);
    const scan = new AnomalyScan();
    for await (const records of inputRecordBatches(context)) for (const record of records) scan.add(read(record));
    const report = scan.result();
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
