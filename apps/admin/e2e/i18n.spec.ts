// Languages in the browser: a page holds only its user's language; the switch changes every
// message; counts agree with their noun; the 404 page speaks the user's language.
import type { Page, Response } from '@playwright/test';
import { expect, loginAs, test } from './fixtures.js';

/** One message in each language (messages/*.json, `app_skip`), to look for in the scripts a page loads. */
const SKIP = { id: 'Langsung ke isi', en: 'Skip to content' };
/** The language switch in the header. */
const SWITCH = 'header form[action="/language"] button';

/** Opens `url` and returns the text of every script the page loaded (the page and its chunks). */
async function scriptsOf(page: Page, url: string) {
  const urls = new Set<string>();
  const seen = (response: Response) => {
    if (response.request().resourceType() === 'script') urls.add(response.url());
  };
  page.on('response', seen);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  page.off('response', seen);
  // Fetched again: a browser keeps the body of a response only until the next navigation.
  return Promise.all([...urls].map(async (script) => ({ url: script, body: await (await page.request.get(script)).text() })));
}

test('a page loads the messages of its language only, and the switch changes them', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'adminunit');
  const indonesian = await scriptsOf(page, `${app.url}/activities`);
  await expect(page.locator('h1')).toHaveText('Kegiatan pengembangan kompetensi');
  expect(indonesian.some((s) => s.body.includes(SKIP.id))).toBe(true);
  expect(indonesian.filter((s) => s.body.includes(SKIP.en)).map((s) => s.url)).toEqual([]);

  await page.locator(SWITCH).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Competency development activities');
  // The choice is kept on the account: signing in from another browser opens in English.
  const elsewhere = await loginAs(browser, app.url, 'adminunit');
  await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'en');
  await elsewhere.context().close();
  // A fresh load in English: no Indonesian messages among its scripts.
  const english = await scriptsOf(page, `${app.url}/activities`);
  expect(english.some((s) => s.body.includes(SKIP.en))).toBe(true);
  expect(english.filter((s) => s.body.includes(SKIP.id)).map((s) => s.url)).toEqual([]);
  const bytes = (scripts: { body: string }[]) => scripts.reduce((sum, s) => sum + Buffer.byteLength(s.body), 0);
  console.log(`JS of /activities: ${bytes(indonesian)} bytes in Bahasa Indonesia, ${bytes(english)} bytes in English`);

  // Pages in English, words from the messages; back to Bahasa Indonesia.
  await page.goto(`${app.url}/dashboard`);
  await expect(page.locator('h1')).toContainText('20 JP compliance');
  await page.goto(`${app.url}/review`);
  await expect(page.locator('h1')).toContainText('Waiting for approval');
  await page.locator(SWITCH).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.locator('h1')).toContainText('Menunggu persetujuan');
});

test('a page that does not exist says so in the user’s language', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'pegawai');
  await page.goto(`${app.url}/tidak-ada`);
  await expect(page.getByRole('alert')).toHaveText('Halaman tidak ditemukan.');
  await expect(page.locator('body')).not.toContainText('Not Found');
  await page.goto(`${app.url}/`);
  await page.locator(SWITCH).click();
  await page.goto(`${app.url}/no-such-page`);
  await expect(page.getByRole('alert')).toHaveText('Page not found.');
  // Back to Bahasa Indonesia: the choice is kept on the account, and later specs sign in as this user.
  await page.goto(`${app.url}/`);
  await page.locator(SWITCH).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});

test('the header names the account as every person is shown: name and NIP, or a username marked as an account', async ({
  browser,
  app,
}) => {
  const pegawai = await loginAs(browser, app.url, 'pegawai');
  await expect(pegawai.getByTestId('who-person')).toHaveText(/^\S.* \(\d{18}\)$/);
  const auditor = await loginAs(browser, app.url, 'auditor');
  await expect(auditor.getByTestId('who-person')).toHaveText('auditor (akun)');
  await auditor.locator(SWITCH).click();
  await expect(auditor.getByTestId('who-person')).toHaveText('auditor (account)');
  await auditor.locator(SWITCH).click();
  await expect(auditor.getByTestId('who-person')).toHaveText('auditor (akun)');
});
