import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's own alias (renderer/vite.config.ts), so its stores run in tests as they do in the app.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Tests that spawn the command line run the built one (`npm run cli`); temporary folders go
    // under one folder per run, removed at its end.
    globalSetup: ['tests/support/buildCli.ts', 'tests/support/tempRoot.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests spawn real processes and open real SQLite files; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
