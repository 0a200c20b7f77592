// Logging in as soon as the page shows: what a person types before the page's scripts have run
// (a slow connection, a busy phone) is kept when the page becomes live, and a form sent before
// then is an ordinary POST that logs in too.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const PASSWORD = 'bangkom-demo';

/** Holds back the app's scripts until `release` is called: the page shows, but is not live yet. */
async function holdScripts(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**/*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('typing into the login form at once, before the page is live, logs in', async ({ browser, app }) => {
  const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  // No waiting for the page to become live: typing starts as soon as the fields are there.
  await page.goto(`${app.url}/login`, { waitUntil: 'commit' });
  await page.fill('#username', 'pegawai');
  await page.fill('#password', PASSWORD);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${app.url}/`);
  await expect(page.getByTestId('who')).toBeVisible();
});

test('what was typed before the page became live is kept, and the form then logs in', async ({ browser, app }) => {
  const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  const release = await holdScripts(page);
  await page.goto(`${app.url}/login`, { waitUntil: 'commit' });
  await page.fill('#username', 'Pegawai');
  await page.fill('#password', PASSWORD);
  // Focus back on the page itself: the username field takes focus when the page becomes live,
  // which tells the test that it is.
  await page.locator('#password').blur();
  release();
  await expect(page.locator('#username')).toBeFocused();
  await expect(page.locator('#username')).toHaveValue('Pegawai');
  await expect(page.locator('#password')).toHaveValue(PASSWORD);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${app.url}/`);
  await expect(page.getByTestId('who')).toBeVisible();
});

test('a login sent before the page is live is an ordinary form post', async ({ browser, app }) => {
  const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  await holdScripts(page);
  await page.goto(`${app.url}/login`, { waitUntil: 'commit' });
  // A wrong password first: the refusal comes back as a page, with the username kept.
  await page.fill('#username', 'pegawai');
  await page.fill('#password', 'salah-sekali');
  await page.click('main button[type=submit]');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('#username')).toHaveValue('pegawai');
  await page.fill('#password', PASSWORD);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${app.url}/`);
  await expect(page.getByTestId('who')).toBeVisible();
});
