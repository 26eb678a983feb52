import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Tests that spawn the command line run the built one (`npm run cli`).
    globalSetup: ['tests/support/buildCli.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests spawn real processes and open real SQLite files; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
