import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/system-chromium';
export const SAMPLE_PORT = 5391;
export const FIXTURE_PORT = 5392;

const serve = (port: number, corpus: string) => ({
  command: `npx tsx src/main/browser-host/run.ts --port ${port} --corpus ${corpus} --backups test-results/backups-${port} --index test-results/corpus-index-${port}`,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: !process.env.CI,
  stdout: 'pipe' as const,
  timeout: 60_000,
});

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: process.env.CI ? 1 : 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['./e2e/summary-reporter.ts']],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'browser',
      testDir: 'e2e/browser',
      use: {
        browserName: 'chromium',
        viewport: { width: 1440, height: 900 },
        acceptDownloads: true,
        launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
    // Starts and kills its own Chromium processes on a kept profile.
    { name: 'crash', testDir: 'e2e/crash' },
  ],
  webServer: [serve(SAMPLE_PORT, 'resources/corpus'), serve(FIXTURE_PORT, 'e2e/fixtures/corpus')],
});
