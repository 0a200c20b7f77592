// An organiser runs a bimtek from creation to certificates: participants picked by unit, attendance
// ticked in the grid (one box by keyboard), a participant's evaluation, closing; the participant's
// JP rises without anyone typing it, and the certificate's verification address (the one its QR
// code holds) opens the public verification page without a login.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const PASSWORD = 'bangkom-demo';
const TITLE = 'Bimtek Penyusunan Dokumen Lelang E2E';
const day = (offsetDays: number) => new Date(Date.now() - offsetDays * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: 'serial' });

async function login(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  await page.goto(`${url}/login`);
  await expect(page.locator('#username')).toBeFocused();
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${url}/`);
  return page;
}

/** Runs `act` and waits for the form post it sends to be answered (the page then shows its result). */
async function posted(page: Page, act: () => Promise<void>) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), act()]);
  await page.waitForLoadState();
}

/** The verified JP of the year on the participant's home page ("N dari 20 JP terverifikasi"). */
async function verifiedJp(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/`);
  const text = await page
    .getByText(/dari \d+ JP terverifikasi/)
    .first()
    .innerText();
  return Number(/([\d.,]+) dari/.exec(text)![1]!.replace(',', '.'));
}

test('a bimtek from creation to verifiable certificates', async ({ browser, app }) => {
  test.setTimeout(600_000);
  // Three days ending a week ago, this year (when today is early January the dates are last year's; the JP check follows).
  const start = day(9);
  const end = day(7);
  const sameYear = start.slice(0, 4) === new Date().toISOString().slice(0, 4);

  const pegawai = await login(browser, app.url, 'pegawai');
  const before = await verifiedJp(pegawai, app.url);

  const sdm = await login(browser, app.url, 'adminsdm');
  await sdm.goto(`${app.url}/penyelenggaraan/baru`);
  await sdm.fill('#title', TITLE);
  await sdm.fill('#theme', 'Penyusunan dokumen pemilihan penyedia jasa konstruksi');
  await sdm.fill('#objective', 'Pegawai mampu menyusun dokumen pemilihan sesuai ketentuan terbaru');
  await sdm.fill('#problemAddressed', 'Banyak dokumen lelang dikembalikan karena persyaratan tidak sesuai');
  await sdm.selectOption('#method', 'bimbingan_teknis');
  await sdm.fill('#startDate', start);
  await sdm.fill('#endDate', end);
  await sdm.fill('#programmeJp', '24');
  await sdm.fill('#venue', 'Aula DPUPR');
  await sdm.fill('#organizer', 'Sekretariat DPUPR');
  await sdm.fill('#facilitators', 'Ir. Bambang Sutrisno, M.T. — Balai Jasa Konstruksi');
  await sdm.fill('#signatoryName', 'Dr. Ir. Hartono');
  await sdm.fill('#signatoryPosition', 'Kepala Dinas');
  await sdm.click('main form button[type=submit]');
  await sdm.waitForURL(/\/penyelenggaraan\/EV[0-9A-Z]+\?created=1$/);
  const eventUrl = sdm.url().replace(/\?.*$/, '');

  // Participants: everyone of Bidang Bina Marga (the demo's pegawai works there).
  await sdm.getByTestId('open-picker').click();
  await sdm.getByLabel('Unit kerja').selectOption({ label: 'Bidang Bina Marga' });
  await sdm.getByRole('button', { name: 'Tampilkan' }).click();
  await posted(sdm, () => sdm.getByTestId('add-matching').click());
  await expect(sdm.getByTestId('done')).toContainText('peserta ditambahkan');

  // Attendance: everyone on the page present, then one participant (not the demo's pegawai) marked
  // absent from the first session by keyboard (Space on the focused box): they will not pass.
  const pegawaiName = (await pegawai.getByTestId('who').innerText()).split(' · ')[0]!;
  await posted(sdm, () => sdm.getByTestId('all-present').click());
  await expect(sdm.getByTestId('done')).toBeVisible();
  const grid = sdm.getByTestId('attendance-grid');
  const rows = grid.locator('tbody tr');
  const rowCount = await rows.count();
  expect(rowCount).toBeGreaterThanOrEqual(2);
  await expect(grid.locator('input[type=checkbox]:checked')).toHaveCount(rowCount * 3);
  const absentee = rows.filter({ hasNotText: pegawaiName }).first();
  const box = absentee.locator('input[type=checkbox]').first();
  await box.focus();
  await sdm.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await posted(sdm, () => sdm.getByTestId('save-attendance').click());
  await expect(sdm.getByTestId('done')).toBeVisible();
  await expect(grid.locator('input[type=checkbox]:checked')).toHaveCount(rowCount * 3 - 1);
  // The participants are paged: the demo's pegawai, found by name, is marked present on their page too.
  await sdm.goto(`${eventUrl}?pq=${encodeURIComponent(pegawaiName)}`);
  await posted(sdm, () => sdm.getByTestId('all-present').click());
  await sdm.goto(`${eventUrl}?pq=${encodeURIComponent(pegawaiName)}`);
  await expect(sdm.getByTestId('attendance-grid').locator('input[type=checkbox]:not(:checked)')).toHaveCount(0);

  // The participant sees the invitation and evaluates the event.
  await pegawai.goto(`${app.url}/penyelenggaraan/undangan`);
  const invitation = pegawai.locator('section', { hasText: TITLE });
  await invitation
    .getByRole('group', { name: /Kesesuaian/ })
    .getByLabel('5')
    .check();
  await invitation
    .getByRole('group', { name: /Fasilitator/ })
    .getByLabel('4')
    .check();
  await invitation
    .getByRole('group', { name: /Materi/ })
    .getByLabel('4')
    .check();
  await invitation.getByLabel('Saran atau komentar').fill('Contoh dokumen sangat membantu');
  await posted(pegawai, () => invitation.getByRole('button', { name: 'Kirim evaluasi' }).click());
  await expect(pegawai.getByText('evaluasi Anda tersimpan')).toBeVisible();

  // Closing issues the certificates.
  await sdm.goto(eventUrl);
  await expect(sdm.getByTestId('evaluation-summary')).toContainText('relevansi 5');
  await posted(sdm, () => sdm.getByTestId('close-event').click());
  await expect(sdm.getByTestId('done')).toContainText('menerima sertifikat');
  await expect(sdm.getByTestId('event-status')).toHaveText('Ditutup');
  const numbers = await sdm.getByTestId('certificate-number').allInnerTexts();
  expect(numbers.length).toBe(rowCount - 1);

  // The verification address of a certificate (what its QR code holds), fetched without a login.
  const link = await sdm.getByTestId('verification-link').first().getAttribute('href');
  expect(link).toContain('/verifikasi/');
  const anonymous = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  const response = await anonymous.request.get(link!);
  expect(response.status()).toBe(200);
  await anonymous.goto(link!);
  await expect(anonymous.getByTestId('verify-status')).toHaveText('Sertifikat ini asli dan berlaku.');
  await expect(anonymous.getByTestId('verify-number')).toHaveText(numbers[0]!);
  await expect(anonymous.getByText(TITLE)).toBeVisible();

  // The published key set carries the public key only.
  const jwks = (await (await anonymous.request.get(`${app.url}/.well-known/jwks.json`)).json()) as { keys: { kty: string; d?: string }[] };
  expect(jwks.keys.length).toBeGreaterThan(0);
  expect(jwks.keys.every((k) => k.kty === 'OKP' && k.d === undefined)).toBe(true);

  // The participant's activity list has the event as a verified activity (no one typed its JP),
  // their verified JP rose, and the certificate is theirs to download.
  await pegawai.goto(`${app.url}/activities`);
  await expect(pegawai.getByRole('row', { name: new RegExp(TITLE) })).toContainText('Terverifikasi');
  if (sameYear) expect(await verifiedJp(pegawai, app.url)).toBeGreaterThan(before);
  await pegawai.goto(`${app.url}/penyelenggaraan/undangan`);
  const download = pegawai.waitForEvent('download');
  await pegawai.locator('section', { hasText: TITLE }).getByRole('link', { name: 'PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^sertifikat-.*\.pdf$/);
});
