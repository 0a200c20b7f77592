// The daily loop in a real browser: an employee fixes a rejected activity and resubmits it; the
// unit admin clears several submissions from the review queue at once.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures.js';

const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'e2e');
mkdirSync(SCREENSHOTS, { recursive: true });
/** A small valid PDF; `tag` makes another file (another hash), so no two records share one by accident. */
const pdf = (tag: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n% ${tag}\n`,
  );
/** An ISO date some days ago (an activity is submitted once it has ended). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${test.info().project.name}-${name}.png`), fullPage: true });

test.describe.configure({ mode: 'serial' });

/** Records and submits a technical training through the form; returns its page's URL. */
async function submitTraining(page: Page, url: string, title: string, certificate: string, endDaysAgo: number) {
  await page.goto(`${url}/activities/new`);
  await page.selectOption('#method', 'pelatihan_teknis');
  await page.fill('#title', title);
  await page.fill('#organizer', 'Balai Diklat PUPR Wilayah IV');
  await page.fill('#startDate', daysAgo(endDaysAgo + 2));
  await page.fill('#endDate', daysAgo(endDaysAgo));
  await page.fill('#statedJp', '24');
  await page.fill('#certificateNumber', certificate);
  await page.setInputFiles('#evidence', { name: `${certificate}.pdf`, mimeType: 'application/pdf', buffer: pdf(certificate) });
  await expect(page.getByTestId('preview-jp')).toContainText('24');
  await page.click('main button[type=submit]');
  await page.waitForURL(/\/activities\/ACT-/);
  const activityUrl = page.url().split('?')[0]!;
  await page.check('#declaration');
  await page.click('form[action="?/submit"] button');
  await expect(page.locator('h1 .badge')).toHaveText('Diajukan');
  await expect(page.getByTestId('submitted')).toContainText('menunggu verifikasi');
  return activityUrl;
}

const state: { pegawai?: Page; admin?: Page; nip?: string; rejectedUrl?: string } = {};

test('a rejected activity is fixed with new evidence and resubmitted; its history shows each decision', async ({ browser, app }) => {
  const pegawai = (state.pegawai = await loginAs(browser, app.url, 'pegawai'));
  state.nip = ((await pegawai.locator('a[href^="/employees/"]').first().getAttribute('href')) ?? '').split('/').pop()!;
  const url = (state.rejectedUrl = await submitTraining(pegawai, app.url, 'Pelatihan Drainase Jalan E2E', 'E2E/REV/1', 12));

  const admin = (state.admin = await loginAs(browser, app.url, 'adminunit'));
  await admin.goto(url);
  await admin.fill('#reason', 'Sertifikat tidak terbaca; mohon unggah ulang');
  await admin.click('button[formaction="?/refuse"]');
  await expect(admin.getByTestId('decided')).toContainText('Ditolak; pegawai dapat memperbaiki');

  // The employee's home says so, with a link to the rejected activities.
  await pegawai.goto(`${app.url}/`);
  const attention = pegawai.getByTestId('attention');
  await expect(attention).toContainText('Perlu perhatian Anda');
  await attention.getByRole('link', { name: /ditolak/ }).click();
  await pegawai.waitForURL(/status=rejected/);
  await pegawai.getByRole('link', { name: 'Pelatihan Drainase Jalan E2E' }).click();
  await expect(pegawai.getByTestId('rejected-notice')).toContainText('mohon unggah ulang');
  await shot(pegawai, 'activity-rejected');

  await pegawai.getByRole('link', { name: 'Perbaiki' }).click();
  await pegawai.waitForURL(/\/edit$/);
  await expect(pegawai.getByTestId('rejected-notice')).toBeVisible();
  await pegawai.fill('#title', 'Pelatihan Drainase Jalan E2E (diperbaiki)');
  await pegawai.setInputFiles('#evidence', { name: 'sertifikat-jelas.pdf', mimeType: 'application/pdf', buffer: pdf('jelas') });
  await pegawai.click('main button[type=submit]');
  await pegawai.waitForURL(/saved=1/);
  await expect(pegawai.locator('h1 .badge')).toHaveText('Ditolak');
  await expect(pegawai.locator('dl.facts')).toContainText('sertifikat-jelas.pdf');
  await pegawai.check('#declaration');
  await pegawai.getByRole('button', { name: 'Ajukan ulang' }).click();
  await expect(pegawai.locator('h1 .badge')).toHaveText('Diajukan');
  const history = pegawai.getByTestId('decision-history');
  await expect(history.locator('tbody tr')).toHaveCount(3);
  await expect(history).toContainText('Ditolak admin');
  await expect(history).toContainText('Sertifikat tidak terbaca; mohon unggah ulang');
  await expect(history).toContainText('Diajukan ulang setelah diperbaiki');
  await shot(pegawai, 'activity-resubmitted');
});

test('the unit admin verifies several submissions at once from the queue, each confirmed', async ({ app }) => {
  const pegawai = state.pegawai!;
  await submitTraining(pegawai, app.url, 'Pelatihan Jembatan Rangka E2E', 'E2E/REV/2', 20);
  await submitTraining(pegawai, app.url, 'Pelatihan Aspal Beton E2E', 'E2E/REV/3', 30);

  const admin = state.admin!;
  await admin.goto(`${app.url}/review?q=${state.nip}`);
  await expect(admin.getByTestId('queue-count')).toBeVisible();
  const titles = ['Pelatihan Drainase Jalan E2E (diperbaiki)', 'Pelatihan Jembatan Rangka E2E', 'Pelatihan Aspal Beton E2E'];
  for (const title of titles) {
    const row = admin.locator('tbody tr', { hasText: title });
    await expect(row).toContainText(state.nip!);
    await expect(row.getByTestId('queue-jp')).toHaveText('24');
    await row.getByRole('checkbox').check();
  }
  await expect(admin.getByText('3 kegiatan dipilih')).toBeVisible();
  await shot(admin, 'queue-bulk-selected');
  await admin.getByRole('button', { name: 'Verifikasi yang dipilih' }).click();
  await expect(admin.getByTestId('bulk-outcome')).toContainText('3 kegiatan diverifikasi');
  for (const title of titles) await expect(admin.locator('tbody tr', { hasText: title })).toHaveCount(0);
  await shot(admin, 'queue-bulk-verified');

  await admin.goto(state.rejectedUrl!);
  await expect(admin.locator('h1 .badge')).toHaveText('Terverifikasi');
});
