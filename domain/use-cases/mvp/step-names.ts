/** The upload journey's step names; they also key the step summaries a delivery reads. */
export const MVP_STEPS = {
  validate: 'validate_file',
  process: 'process_file',
  store: 'store_file',
  notify: 'notify_completion',
} as const;
