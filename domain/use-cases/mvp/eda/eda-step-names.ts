/** The mvp EDA journey's steps, in order; the names also route each step to its function. */
export const MVP_EDA_STEPS = {
  load: 'load_data',
  explore: 'explore_data',
  insights: 'generate_insights',
  visualize: 'create_visualizations',
} as const;

export const EXPLORATION_ARTIFACT = 'exploration.json';
