import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (/usr/bin/chromium): no test tool downloads a browser.
 * The web server is the built one-port app (`pnpm build` first; `pnpm test` does it) on a fresh PGlite
 * data directory, so every run starts from an empty database.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Workers load this file again: keep the main process's directory (they inherit its environment).
process.env.QUORUM_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'quorum-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }],
  ],
  use: {
    baseURL,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'pnpm --filter @quorum/server start',
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: process.env.QUORUM_E2E_DATA_DIR,
      ORIGIN: baseURL,
      // Always a fresh embedded database, even when the shell has a DATABASE_URL.
      DATABASE_URL: '',
      // Its own rate-limit counters on a shared Redis: an earlier run's never refuse this one's.
      RATE_LIMIT_PREFIX: `quorum:e2e:${process.env.QUORUM_E2E_DATA_DIR}`,
      // The fixtures give each test and actor its own X-Forwarded-For (tests/e2e/fixtures/actors.ts).
      TRUST_PROXY: 'true',
      // Every reopened room is a new visit, so "since your last visit" can be seen within one test.
      SAME_VISIT_MS: '0',
      // The webhook test sends to a receiver the test starts on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE: 'true',
    },
  },
});
