import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { AppOptions } from './e2e/fixtures.js';

// Browser tests: the built app in Debian's Chromium (never a downloaded browser), once on the
// embedded database and once on PostgreSQL. E2E_DATABASES=pglite runs one of them.
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
}
const databases = (process.env['E2E_DATABASES'] ?? 'pglite,postgres').split(',');

export default defineConfig<AppOptions>({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // One browser at a time: the suite shares a 2-core machine with the app server it drives.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  // Budgets for a busy machine; the steps themselves take seconds.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['html', { outputFolder: 'test-results/e2e-report', open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] },
  },
  projects: [
    ...databases
      .filter((database) => database !== 'scale')
      .map((database) => ({
        name: database,
        testIgnore: /scale\.spec\.ts/,
        use: { database: database as AppOptions['database'] },
      })),
    // The agency dashboard at 50,000 employees (PostgreSQL only): minutes of seeding and computing
    // on a busy machine, so a project of its own (E2E_DATABASES=scale runs it alone).
    ...(databases.includes('postgres') || databases.includes('scale') ? [{ name: 'scale', testMatch: /scale\.spec\.ts/ }] : []),
  ],
});
