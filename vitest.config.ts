import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end suites run whole journeys and spawn the CLI; they wait on outcomes, never on sleeps.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
