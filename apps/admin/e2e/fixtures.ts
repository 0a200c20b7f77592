import { test as base, expect, type Browser, type Page } from '@playwright/test';
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

export { expect };

/** The password of every demo account. */
export const DEMO_PASSWORD = 'bangkom-demo';

/**
 * A new browser context (its own cookies, in Indonesian) signed in as `username` at the app at
 * `url`, on the home page. With scripts on it waits until the login page is live (the username
 * field takes focus then): typing earlier can be lost.
 */
export async function loginAs(
  browser: Browser,
  url: string,
  username: string,
  {
    viewport = { width: 1280, height: 900 },
    javaScriptEnabled = true,
    password = DEMO_PASSWORD,
  }: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean; password?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, javaScriptEnabled, locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  if (javaScriptEnabled) await expect(page.locator('#username')).toBeFocused();
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${url}/`);
  return page;
}
