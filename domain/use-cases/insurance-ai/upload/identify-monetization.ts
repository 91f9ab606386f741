import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { PER_POLICY_STREAM_PASS_POLICY } from '../shared/step-policies.js';
import { INSURANCE_ARTIFACTS } from '../names.js';
import type { FeatureReadiness } from './feature-readiness.js';
import { describeLeftOut, fieldsOfUpload, fileShape } from '../shared/field-availability.js';
import { ASSUMED_CROSS_SELL_TAKE_UP, crossSellOpportunity } from './opportunities/cross-sell.js';
import { dataProductOpportunity } from './opportunities/data-product.js';
import { ASSUMED_FRAUD_HIT_RATE, EARLY_CLAIM_DAYS, FraudReview, fraudReviewOpportunity, OUTLIER_IQR_MULTIPLE } from './opportunities/fraud-review.js';
import { PolicyBook } from './opportunities/policy-book.js';
import { checksLeftOut, opportunitiesLeftOut } from './opportunities/left-out.js';
import { LOYAL_TENURE_YEARS, loyaltyOpportunity } from './opportunities/loyalty.js';
import { rankOpportunities, type Opportunity, type OpportunityKind } from './opportunities/opportunity.js';
import { renderOpportunitiesMarkdown } from './opportunities/render-markdown.js';
import { REPRICE_ABOVE_LOSS_RATIO, TARGET_LOSS_RATIO, ExperienceByLine, repricingOpportunities } from './opportunities/repricing.js';
import { portfolioFiguresLeftOut } from './portfolio-figures.js';
import { recordBatches } from './record-stream.js';
import { claimFencesOf, recordTallies } from './record-tallies.js';

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
  policy: PER_POLICY_STREAM_PASS_POLICY,
  async run(context) {
    const partitions = await context.readArtifactJson<PartitionsArtifact>(INSURANCE_ARTIFACTS.partitions);
    const pii = await context.readArtifactJson<PiiReportArtifact>(INSURANCE_ARTIFACTS.piiReport);
    const readiness = await context.readArtifactJson<FeatureReadinessArtifact>(INSURANCE_ARTIFACTS.featureReadiness);
    const today = context.journeyStartedAt.toISOString().slice(0, 10);

    const fields = await fieldsOfUpload(context);
    const skipped = opportunitiesLeftOut(fields);
    const looked = new Set((['repricing', 'cross_sell', 'loyalty', 'fraud_review', 'data_product'] as const).filter((k) => !skipped.has(k)));
    const when = <T>(kind: OpportunityKind, find: () => T): T | undefined => (looked.has(kind) ? find() : undefined);

    // A claim is an outlier only against every claim of its line: enable_ai_operations' first pass set the fences, so one pass here does the rest.
    const review = new FraudReview(claimFencesOf(await recordTallies(context, fields)));
    const reviewing = looked.has('fraud_review');
    const book = new PolicyBook();
    const experience = new ExperienceByLine();
    const years = new Set<string>();
    let records = 0;
    for await (const batch of recordBatches(context)) {
      for (const record of batch) {
        records++;
        book.add(record);
        experience.add(record, book.firstOfPolicy);
        if (reviewing) review.add(record);
        const year = (record.effective_date ?? record.claim_date)?.slice(0, 4);
        if (year !== undefined) years.add(year);
      }
    }
    const fraud = review.result();
    const lines = experience.experience(fields);
    const found: (Opportunity | undefined)[] = [
      ...(when('repricing', () => repricingOpportunities(lines)) ?? []),
      when('cross_sell', () => crossSellOpportunity(book, fileShape(fields) === 'policies and claims')),
      when('fraud_review', () => fraudReviewOpportunity(fraud, fields.has('effective_date') && fields.has('claim_date'))),
      when('loyalty', () => loyaltyOpportunity(book, today)),
      when('data_product', () =>
        dataProductOpportunity(book, years.size, {
          partitions: partitions.partitions.length,
          maskedColumns: pii.maskedColumns.map((c) => c.column),
          featureReadyColumns: readiness.columns.filter((c) => c.ready).map((c) => c.column),
        }),
      ),
    ];
    const leftOut = [...portfolioFiguresLeftOut(fields).filter((l) => l.figure === 'loss ratio'), ...skipped.values(), ...checksLeftOut(fields, looked)];
    const ranked = rankOpportunities(found.filter((o): o is Opportunity => o !== undefined));

    await context.writeJsonArtifact(INSURANCE_ARTIFACTS.opportunitiesJson, {
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
      lossRatioByLine: lines,
      leftOut,
      fraudCandidates: fraud.listed,
      opportunities: ranked,
    });
    await context.writeArtifact({
      name: INSURANCE_ARTIFACTS.opportunitiesMarkdown,
      body: renderOpportunitiesMarkdown(ranked, { records, policies: book.size, source: context.input.key, leftOut }),
      contentType: 'text/markdown; charset=utf-8',
    });

    const top = ranked[0];
    return {
      summary: {
        opportunities: ranked.length,
        topOpportunity: top?.title ?? null,
        topOpportunityValue: top?.estimatedValue ?? null,
        valuedTotal: ranked.reduce((sum, o) => sum + (o.estimatedValue ?? 0), 0),
        fraudCandidates: looked.has('fraud_review') ? fraud.candidates : null,
        leftOut: describeLeftOut(leftOut),
      },
    };
  },
};
