import { FIELD_MAPPING_ARTIFACT, type FieldMapping } from '#domain/fields/index.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { PER_POLICY_EDA_PASS_POLICY } from '../shared/step-policies.js';
import { rejectingUnreadable } from '#domain/reporting/eda/index.js';
import { describeLeftOut } from '../shared/field-availability.js';
import { fieldsRead } from '../shared/fields.js';
import { INSURANCE_EDA_ARTIFACTS } from '../names.js';
import { normalizedFieldRecords } from './field-records.js';
import { LegacyRecordReader } from './legacy-records.js';
import { emptyTally } from './normalize-legacy-values.js';
import { SegmentScan } from './segment-analysis.js';

export const analyzeDataPatterns: StepDefinition = {
  name: 'analyze_data_patterns',
  policy: PER_POLICY_EDA_PASS_POLICY,
  description:
    'Claim frequency, severity and loss ratio by line of business, state and policy year; time to claim, reporting lag and large losses, as far as the file’s fields allow.',
  async run(context) {
    const mapping = await context.readArtifactJson<FieldMapping>(FIELD_MAPPING_ARTIFACT);
    const { chunks } = await context.streamInput();
    const scan = new SegmentScan(fieldsRead(mapping));
    await rejectingUnreadable(async () => {
      for await (const records of normalizedFieldRecords(new LegacyRecordReader(chunks), mapping, emptyTally())) for (const record of records) scan.add(record);
    });
    const analysis = scan.result();
    await context.writeJsonArtifact(INSURANCE_EDA_ARTIFACTS.segments, analysis);
    const worst = [...analysis.byLineOfBusiness].filter((s) => s.lossRatio !== null).sort((a, b) => b.lossRatio! - a.lossRatio!)[0];
    return {
      summary: {
        policies: analysis.portfolio.policies,
        claims: analysis.portfolio.claims,
        lossRatio: analysis.portfolio.lossRatio,
        claimFrequency: analysis.portfolio.frequency,
        claimSeverity: analysis.portfolio.severity,
        highestLossRatioLine: worst ? `${worst.segment} (${Math.round(worst.lossRatio! * 100)}%)` : null,
        leftOut: describeLeftOut(analysis.leftOut),
      },
    };
  },
};
