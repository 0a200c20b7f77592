// The yearly IP ASN recap in a real browser: HR opens the cycle, the unit admin submits the recap,
// HR returns it with notes, the unit resubmits, HR accepts it and records the upload to BKN.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures.js';

const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'e2e');
mkdirSync(SCREENSHOTS, { recursive: true });
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test.describe.configure({ mode: 'serial' });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${test.info().project.name}-ipasn-${name}.png`), fullPage: true });

const pages: Record<string, Page> = {};

/** Ticks SOP steps done outside the app (the current one, dated today) on a recap page. */
async function tick(page: Page, ...steps: number[]) {
  const rows = page.getByTestId('recap-steps').locator('tbody tr');
  for (const step of steps) {
    await rows
      .nth(step - 1)
      .getByRole('button', { name: 'Tandai selesai' })
      .click();
    await expect(rows.nth(step - 1).getByRole('button', { name: 'Tandai selesai' })).toHaveCount(0);
    await expect(rows.nth(step - 1)).toContainText('Selesai');
  }
}

test('a unit recap is submitted, returned, resubmitted, accepted and its upload recorded', async ({ browser, app }) => {
  const hr = (pages['adminsdm'] = await loginAs(browser, app.url, 'adminsdm'));
  await hr.click('header nav >> text=IP ASN');
  await expect(hr.locator('h1')).toContainText('Rekap IP ASN tahun');
  await hr.click('text=Buka siklus');
  await expect(hr.locator('#cycle-title')).toContainText('Siklus dimulai');
  await shot(hr, 'overview-opened');
  // HR's home: the first SOP step of every unit is due.
  await hr.goto(`${app.url}/`);
  await expect(hr.getByTestId('ipasn-due')).toContainText('tahap 1');
  await shot(hr, 'home-hr-due');
  await hr
    .getByTestId('ipasn-due')
    .getByRole('link', { name: /Bidang Bina Marga/ })
    .click();
  await expect(hr.locator('h1')).toContainText('Rekap IP ASN Bidang Bina Marga');
  // Steps 1–3 happen outside the app (the letter, the review, the meeting): ticked by hand.
  await tick(hr, 1, 2, 3);
  // Step 4 is the unit's: recorded by its recap arriving, not by hand.
  await expect(hr.getByTestId('recap-steps').locator('tbody tr').nth(3)).toContainText('Tercatat saat unit mengirim rekap');

  const unit = (pages['adminunit'] = await loginAs(browser, app.url, 'adminunit'));
  // The unit admin's home: the unit's recap is the step waiting on them.
  await expect(unit.getByTestId('ipasn-due')).toContainText('Bidang Bina Marga — tahap 4');
  await shot(unit, 'home-unit-due');
  await unit.click('header nav >> text=IP ASN');
  await expect(unit.locator('h1')).toContainText('Rekap IP ASN Bidang Bina Marga');
  await expect(unit.getByTestId('recap-status')).toHaveText('Belum dikirim');
  await unit.fill('#letterNumber', '800/101/BM');
  await unit.getByTestId('recap-submit').click();
  await expect(unit.getByTestId('recap-status')).toHaveText('Dikirim, menunggu pemeriksaan');
  await shot(unit, 'submitted');

  await hr.reload();
  await expect(hr.getByTestId('recap-status')).toHaveText('Dikirim, menunggu pemeriksaan');
  await expect(hr.getByTestId('recap-steps').locator('tbody tr').nth(3)).toContainText('Selesai');
  await hr.fill('#note', 'Pendidikan tiga pegawai belum diisi');
  await hr.getByTestId('recap-return').click();
  await expect(hr.getByTestId('recap-status')).toHaveText('Dikembalikan untuk diperbaiki');
  await shot(hr, 'returned');

  await unit.reload();
  await expect(unit.getByTestId('recap-return-note')).toContainText('Pendidikan tiga pegawai belum diisi');
  await unit.fill('#letterNumber', '800/102/BM');
  await unit.getByTestId('recap-submit').click();
  await expect(unit.getByTestId('recap-status')).toHaveText('Dikirim, menunggu pemeriksaan');
  await shot(unit, 'resubmitted');

  await hr.reload();
  await hr.getByTestId('recap-accept').click();
  await expect(hr.getByTestId('recap-status')).toHaveText('Diterima');
  // Accepting is step 6; step 5 (the data updated from the evidence) is ticked by hand.
  await expect(hr.getByTestId('recap-steps').locator('tbody tr').nth(5)).toContainText('Selesai');
  await tick(hr, 5);
  await shot(hr, 'accepted');
  await hr.setInputFiles('#result', { name: 'hasil-unggah-bkn.pdf', mimeType: 'application/pdf', buffer: PDF });
  await hr.getByTestId('recap-upload').click();
  await expect(hr.getByTestId('recap-status')).toHaveText('Sudah diunggah ke BKN');
  await expect(hr.getByTestId('recap-history').locator('li')).toHaveCount(5);
  // The recorded upload is step 9; the rest, outside the app, by hand: every step done, none late.
  await expect(hr.getByTestId('recap-steps').locator('tbody tr').nth(8)).toContainText('Selesai');
  await tick(hr, 7, 8, 10, 11, 12);
  await expect(hr.getByTestId('recap-steps')).not.toContainText('Terlambat');
  await expect(hr.getByTestId('recap-steps').locator('tbody tr', { hasText: 'Selesai' })).toHaveCount(12);
  await shot(hr, 'uploaded');

  // The cover letter is a real PDF.
  const letter = await hr.request.get(`${app.url}${await hr.locator('text=Surat pengantar (PDF)').getAttribute('href')}`);
  expect(letter.status()).toBe(200);
  expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await hr.click('header nav >> text=IP ASN');
  const row = hr.getByTestId('ipasn-overview').locator('tr', { hasText: 'Bidang Bina Marga' });
  await expect(row).toContainText('Sudah diunggah ke BKN');
  await expect(row).not.toContainText('Terlambat');
  await shot(hr, 'overview-after');
  // Nothing of the unit waits on HR any more.
  await hr.goto(`${app.url}/`);
  await expect(hr.getByTestId('ipasn-due')).not.toContainText('Bidang Bina Marga');
});

test('HR sees which SOP steps the recap records by itself, and an order out of the flow is refused in plain words', async ({
  browser,
  app,
}) => {
  const hr = await loginAs(browser, app.url, 'adminsdm');
  await hr.goto(`${app.url}/ipasn`);
  const mapping = hr.getByTestId('step-mapping');
  // The default mapping: the unit's recap arriving is step 4, HR's acceptance 6, the recorded upload 9.
  await expect(mapping.getByLabel('Tercatat saat unit mengirim rekap')).toHaveValue('4');
  await expect(mapping.getByLabel('Tercatat saat rekap diterima')).toHaveValue('6');
  await expect(mapping.getByLabel('Tercatat saat unggahan ke BKN dicatat')).toHaveValue('9');
  await mapping.getByLabel('Tercatat saat rekap diterima').selectOption('3');
  await mapping.getByRole('button', { name: 'Simpan pemetaan tahap' }).click();
  await expect(hr.getByText('Tahap rekap diterima harus sesudah tahap rekap dikirim')).toBeVisible();
  await hr.goto(`${app.url}/ipasn`);
  await expect(hr.getByTestId('step-mapping').getByLabel('Tercatat saat rekap diterima')).toHaveValue('6');
  await shot(hr, 'step-mapping');
});

test('an employee sees the own score with its trace, name and NIP', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'pegawai');
  await page.click('header nav >> text=IP ASN');
  await expect(page.locator('h1')).toContainText('IP ASN');
  await expect(page.getByTestId('ipasn-nip')).toContainText('NIP');
  await expect(page.getByTestId('ipasn-trace')).toBeVisible();
  // Rule ids stay behind the "detail aturan" toggle.
  await expect(page.locator('details code').first()).toBeHidden();
  await page.click('text=Detail aturan');
  await expect(page.locator('details code').first()).toBeVisible();
  await shot(page, 'employee');
});
