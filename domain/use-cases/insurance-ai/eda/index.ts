import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { analyzeDataPatterns } from './analyze-data-patterns.js';
import { generateBusinessInsights } from './generate-business-insights.js';
import { identifyAiOpportunities } from './identify-ai-opportunities.js';
import { loadLegacyData } from './load-legacy-data.js';

/** The insurance_ai EDA journey: normalise and profile, segment figures, AI opportunities, business insights. */
export const insuranceAiEdaJourney: readonly StepDefinition[] = [loadLegacyData, analyzeDataPatterns, identifyAiOpportunities, generateBusinessInsights];
