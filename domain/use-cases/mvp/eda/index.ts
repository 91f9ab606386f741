import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { createVisualizations } from './create-visualizations.js';
import { exploreData } from './explore-data.js';
import { generateInsights } from './generate-insights.js';
import { loadData } from './load-data.js';

/** The mvp EDA journey: profile, explore, find, draw. */
export const mvpEdaJourney: readonly StepDefinition[] = [loadData, exploreData, generateInsights, createVisualizations];
