/** The insurance_ai EDA journey's steps and the artifacts they hand each other. */
export const INSURANCE_EDA_STEPS = {
  load: 'load_legacy_data',
  patterns: 'analyze_data_patterns',
  opportunities: 'identify_ai_opportunities',
  insights: 'generate_business_insights',
} as const;

export const INSURANCE_EDA_ARTIFACTS = {
  legacyFormats: 'legacy-formats.json',
  segments: 'segment-analysis.json',
  opportunities: 'ai-opportunities.json',
  opportunitiesMarkdown: 'ai-opportunities.md',
  businessInsights: 'business-insights.md',
} as const;
