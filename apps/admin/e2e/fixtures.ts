import { test as base } from '@playwright/test';
import { START_BUDGET_MS, startApp } from './server.js';

export interface AppOptions {
  /** The database the app runs on in this project. */
  database: 'pglite' | 'postgres';
}

interface App {
  url: string;
  output: () => string;
}

/**
 * `app`: the built app with the demo office on a fresh database, started once per worker (so once
 * per project) and stopped after its tests.
 */
export const test = base.extend<object, AppOptions & { app: App }>({
  database: ['pglite', { scope: 'worker', option: true }],
  app: [
    async ({ database }, use) => {
      const app = await startApp(database);
      await use(app);
      await app.stop();
    },
    { scope: 'worker', timeout: START_BUDGET_MS + 30_000 },
  ],
});

export { expect } from '@playwright/test';
