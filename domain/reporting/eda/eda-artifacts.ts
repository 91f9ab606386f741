/** Artifact names every EDA journey shares; a use case adds its own beside them. */
export const EDA_ARTIFACTS = {
  profile: 'profile.json',
  insights: 'insights.json',
  report: 'report.html',
} as const;
