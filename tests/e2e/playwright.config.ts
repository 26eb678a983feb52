/**
 * End-to-end tests of the UI served by the browser host (`electron/host/webMain.ts`). Each spec
 * starts its own host on a fresh data directory (see host.ts), so there is no webServer block.
 * Run `npm run build:renderer` first (`npm run test:e2e` does).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: './output',
  // Temporary folders (the hosts' data directories, test files) go under one folder per run,
  // removed at its end.
  globalSetup: '../support/tempRoot.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 860 },
    locale: 'vi-VN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
