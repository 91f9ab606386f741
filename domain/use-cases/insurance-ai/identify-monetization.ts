import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { ARTIFACTS } from './artifact-names.js';
import type { FeatureReadiness } from './feature-readiness.js';
import { describeLeftOut, fieldsOfUpload, fileShape } from './field-availability.js';
import type { InsuranceRecord } from './insurance-record.js';
import { ASSUMED_CROSS_SELL_TAKE_UP, crossSellOpportunity } from './opportunities/cross-sell.js';
import { dataProductOpportunity } from './opportunities/data-product.js';
import { ASSUMED_FRAUD_HIT_RATE, EARLY_CLAIM_DAYS, fraudCandidates, fraudReviewOpportunity, OUTLIER_IQR_MULTIPLE } from './opportunities/fraud-review.js';
import { policiesOf } from './opportunities/holders.js';
import { checksLeftOut, opportunitiesLeftOut } from './opportunities/left-out.js';
import { LOYAL_TENURE_YEARS, loyaltyOpportunity } from './opportunities/loyalty.js';
import { rankOpportunities, type Opportunity, type OpportunityKind } from './opportunities/opportunity.js';
import { renderOpportunitiesMarkdown } from './opportunities/render-markdown.js';
import { REPRICE_ABOVE_LOSS_RATIO, TARGET_LOSS_RATIO, experienceByLine, repricingOpportunities } from './opportunities/repricing.js';
import { portfolioFiguresLeftOut } from './portfolio-figures.js';

interface PartitionsArtifact {
  partitions: unknown[];
}
interface PiiReportArtifact {
  maskedColumns: { column: string }[];
}
interface FeatureReadinessArtifact {
  columns: FeatureReadiness[];
}

/**
 * Looks for money in the data: lines priced below their losses, customers to sell more to or
 * keep, claims worth a second look, and aggregates worth selling. Every opportunity carries the
 * numbers behind it, and every assumption used in a value is written down next to it. An
 * opportunity the file lacks the fields for is not looked for, and the report says which and why.
 */
export const identifyMonetization: StepDefinition = {
  name: 'identify_monetization',
  description: 'Rank monetisation opportunities (repricing, cross-sell, loyalty, fraud review, data products) with evidence',
  async run(context) {
    const records = await context.readArtifactJson<InsuranceRecord[]>(ARTIFACTS.normalizedRecords);
    const partitions = await context.readArtifactJson<PartitionsArtifact>(ARTIFACTS.partitions);
    const pii = await context.readArtifactJson<PiiReportArtifact>(ARTIFACTS.piiReport);
    const readiness = await context.readArtifactJson<FeatureReadinessArtifact>(ARTIFACTS.featureReadiness);
    const today = context.journeyStartedAt.toISOString().slice(0, 10);

    const fields = await fieldsOfUpload(context);
    const skipped = opportunitiesLeftOut(fields);
    const looked = new Set((['repricing', 'cross_sell', 'loyalty', 'fraud_review', 'data_product'] as const).filter((k) => !skipped.has(k)));
    const when = <T>(kind: OpportunityKind, find: () => T): T | undefined => (looked.has(kind) ? find() : undefined);

    const policies = policiesOf(records);
    const experience = experienceByLine(records, fields);
    const candidates = looked.has('fraud_review') ? fraudCandidates(records) : [];
    const found: (Opportunity | undefined)[] = [
      ...(when('repricing', () => repricingOpportunities(experience)) ?? []),
      when('cross_sell', () => crossSellOpportunity(policies, fileShape(fields) === 'policies and claims')),
      when('fraud_review', () => fraudReviewOpportunity(candidates, fields.has('effective_date') && fields.has('claim_date'))),
      when('loyalty', () => loyaltyOpportunity(policies, today)),
      when('data_product', () =>
        dataProductOpportunity(records, policies, {
          partitions: partitions.partitions.length,
          maskedColumns: pii.maskedColumns.map((c) => c.column),
          featureReadyColumns: readiness.columns.filter((c) => c.ready).map((c) => c.column),
        }),
      ),
    ];
    const leftOut = [...portfolioFiguresLeftOut(fields).filter((l) => l.figure === 'loss ratio'), ...skipped.values(), ...checksLeftOut(fields, looked)];
    const ranked = rankOpportunities(found.filter((o): o is Opportunity => o !== undefined));

    await context.writeJsonArtifact(ARTIFACTS.opportunitiesJson, {
      asOf: today,
      assumptions: {
        targetLossRatio: TARGET_LOSS_RATIO,
        repriceAboveLossRatio: REPRICE_ABOVE_LOSS_RATIO,
        crossSellTakeUp: ASSUMED_CROSS_SELL_TAKE_UP,
        fraudHitRate: ASSUMED_FRAUD_HIT_RATE,
        earlyClaimDays: EARLY_CLAIM_DAYS,
        outlierFence: `Q3 + ${OUTLIER_IQR_MULTIPLE} x IQR per line of business`,
        loyalTenureYears: LOYAL_TENURE_YEARS,
      },
      lossRatioByLine: experience,
      leftOut,
      fraudCandidates: candidates.slice(0, 100),
      opportunities: ranked,
    });
    await context.writeArtifact({
      name: ARTIFACTS.opportunitiesMarkdown,
      body: renderOpportunitiesMarkdown(ranked, { records: records.length, policies: policies.length, source: context.input.key, leftOut }),
      contentType: 'text/markdown; charset=utf-8',
    });

    const top = ranked[0];
    return {
      summary: {
        opportunities: ranked.length,
        topOpportunity: top?.title ?? null,
        topOpportunityValue: top?.estimatedValue ?? null,
        valuedTotal: ranked.reduce((sum, o) => sum + (o.estimatedValue ?? 0), 0),
        fraudCandidates: looked.has('fraud_review') ? candidates.length : null,
        leftOut: describeLeftOut(leftOut),
      },
    };
  },
};
