import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import { describeInsuranceDelivery } from './upload/describe-delivery.js';
import { insuranceAiEdaJourney } from './eda/index.js';
import { enableAiOperations } from './upload/enable-ai-operations.js';
import { identifyMonetization } from './upload/identify-monetization.js';
import { processDataLake } from './upload/process-data-lake.js';
import { insuranceAiSamples } from './samples/samples.js';
import { validateLegacyData } from './upload/validate-legacy-data.js';

/**
 * Insurance AI: a legacy policy/claim extract (CSV or fixed-width) is validated and normalised,
 * landed in a partitioned lake, made safe for AI (PII masked, features scored) and mined for
 * monetisation opportunities.
 */
export const insuranceAiUseCase: UseCaseModule = {
  id: 'insurance_ai',
  title: 'Insurance AI: legacy policy and claim extracts',
  journeys: { upload: [validateLegacyData, processDataLake, enableAiOperations, identifyMonetization], eda: insuranceAiEdaJourney },
  followOn: { upload: ['eda'] },
  describeDelivery: describeInsuranceDelivery,
  samples: insuranceAiSamples,
};
