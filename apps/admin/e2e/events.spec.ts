// An organiser runs a bimtek from creation to certificates: participants picked by unit, attendance
// ticked in the grid (one box by keyboard), a participant's evaluation, closing; the participant's
// JP rises without anyone typing it, and the certificate's verification address (the one its QR
// code holds) opens the public verification page without a login. Then a 3-day bimtek for 40 and
// more: attendance from the sheet the app hands out, the Kartu Data of the participants, the
// certificate checked by number, QR address and the independent credential verifier, and revoked.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, loginAs, test } from './fixtures.js';

const TITLE = 'Bimtek Penyusunan Dokumen Lelang E2E';
const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'e2e');
mkdirSync(SCREENSHOTS, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${test.info().project.name}-events-${name}.png`), fullPage: true });
const day = (offsetDays: number) => new Date(Date.now() - offsetDays * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: 'serial' });

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

/** Fills in the new-event form for a bimtek of 24 JP over `start`–`end` (a session a day); the event's address. */
async function createBimtek(sdm: Page, url: string, { title, start, end }: { title: string; start: string; end: string }) {
  await sdm.goto(`${url}/penyelenggaraan/baru`);
  await sdm.fill('#title', title);
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
  return sdm.url().replace(/\?.*$/, '');
}

test('a bimtek from creation to verifiable certificates', async ({ browser, app }) => {
  test.setTimeout(600_000);
  // Three days ending a week ago, this year (when today is early January the dates are last year's; the JP check follows).
  const start = day(9);
  const end = day(7);
  const sameYear = start.slice(0, 4) === new Date().toISOString().slice(0, 4);

  const pegawai = await loginAs(browser, app.url, 'pegawai');
  const before = await verifiedJp(pegawai, app.url);

  const sdm = await loginAs(browser, app.url, 'adminsdm');
  const eventUrl = await createBimtek(sdm, app.url, { title: TITLE, start, end });

  // Participants: everyone of Bidang Bina Marga (the demo's pegawai works there).
  await sdm.getByTestId('open-picker').click();
  await sdm.getByLabel('Unit kerja').selectOption({ label: 'Bidang Bina Marga' });
  await sdm.getByRole('button', { name: 'Tampilkan' }).click();
  await posted(sdm, () => sdm.getByTestId('add-matching').click());
  await expect(sdm.getByTestId('done')).toContainText('peserta ditambahkan');

  // Attendance: everyone on the page present, then one participant (not the demo's pegawai) marked
  // absent from the first session by keyboard (Space on the focused box): they will not pass.
  // The header names the account "Name (NIP)".
  const pegawaiName = (await pegawai.getByTestId('who-person').innerText()).replace(/ \(\d+\)$/, '');
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

const APP_DIR = join(import.meta.dirname, '..');
const BIG_TITLE = 'Bimtek Pengawasan Mutu Pekerjaan Jalan E2E';
const PARTICIPANTS_AT_LEAST = 40;

/** Runs the independent verifier script on a credential file against a key set: its exit code and what it printed. */
function runVerifier(credentialFile: string, jwks: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['scripts/verify-credential.mjs', credentialFile, jwks],
      { cwd: APP_DIR, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out: stdout + stderr }),
    ),
  );
}

/** Saves the download a click starts; its path. */
async function downloaded(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = test.info().outputPath(name);
  await download.saveAs(path);
  return path;
}

/** The attendance grid's boxes over every page of participants: how many are ticked and how many not. */
async function gridCounts(sdm: Page, eventUrl: string) {
  await sdm.goto(eventUrl);
  let ticked = 0;
  let unticked = 0;
  for (;;) {
    const grid = sdm.getByTestId('attendance-grid');
    ticked += await grid.locator('input[type=checkbox]:checked').count();
    unticked += await grid.locator('input[type=checkbox]:not(:checked)').count();
    const next = sdm.getByRole('link', { name: 'Halaman berikutnya' });
    if ((await next.count()) === 0) return { ticked, unticked };
    const before = sdm.url();
    await next.click();
    await sdm.waitForURL((u) => u.toString() !== before);
  }
}

/** The row of the event on a Kartu Data page (the page's history table). */
const cardRow = (page: Page) => page.locator('table tbody tr', { hasText: BIG_TITLE });

// Issue #17's whole run: 40+ participants picked unit by unit, attendance from the XLSX sheet the
// app hands out (filled in and uploaded; nobody types a JP), certificates on the Kartu Data, checked by
// number and QR address, the OB3 credential verified by the independent script, then revoked.
test('a 3-day bimtek for 40 employees: attendance by file, Kartu Data, certificates verified and revoked', async ({ browser, app }) => {
  test.setTimeout(900_000);
  const start = day(20);
  const end = day(18);

  const pegawai = await loginAs(browser, app.url, 'pegawai');
  const cardHref = await pegawai.getByRole('link', { name: 'Kartu Data saya' }).getAttribute('href');
  const pegawaiNip = /\/employees\/(\d+)$/.exec(cardHref ?? '')![1]!;

  const sdm = await loginAs(browser, app.url, 'adminsdm');
  const eventUrl = await createBimtek(sdm, app.url, { title: BIG_TITLE, start, end });

  // Participants with the picker, a unit at a time (the demo's pegawai's unit first) until at least 40.
  await sdm.getByTestId('open-picker').click();
  const unitSelect = sdm.getByLabel('Unit kerja');
  // The picker opens with the page it links to: its list of units once it is there.
  await expect(unitSelect.locator('option', { hasText: 'Bidang Bina Marga' })).toHaveCount(1);
  const units = (await unitSelect.locator('option').allInnerTexts()).map((u) => u.trim()).filter((u) => u !== 'Semua unit');
  const ordered = ['Bidang Bina Marga', ...units.filter((u) => u !== 'Bidang Bina Marga')];
  let total = 0;
  for (const unit of ordered) {
    if (total >= PARTICIPANTS_AT_LEAST) break;
    if (!(await sdm.getByLabel('Unit kerja').isVisible())) await sdm.getByTestId('open-picker').click();
    const [unitId] = await sdm.getByLabel('Unit kerja').selectOption({ label: unit });
    await Promise.all([
      sdm.waitForURL((u) => u.searchParams.get('unitId') === unitId),
      sdm.getByRole('button', { name: 'Tampilkan' }).click(),
    ]);
    const found = Number(/(\d+) pegawai cocok/.exec(await sdm.getByText(/pegawai cocok dan belum diundang/).innerText())![1]);
    expect(found).toBeGreaterThan(0);
    await posted(sdm, () => sdm.getByTestId('add-matching').click());
    const done = await sdm.getByTestId('done').innerText();
    const [, added, now] = /(\d+) peserta ditambahkan; kini (\d+) peserta/.exec(done)!;
    expect(Number(added)).toBe(found);
    expect(Number(now)).toBe(total + found);
    total = Number(now);
  }
  expect(total).toBeGreaterThanOrEqual(PARTICIPANTS_AT_LEAST);
  await expect(sdm.getByRole('heading', { name: `Peserta dan kehadiran (${total})` })).toBeVisible();

  // The attendance sheet (XLSX): how to fill it, then one row a participant (NIP kept as text, name,
  // unit) and three sessions, nobody marked yet.
  await sdm.goto(eventUrl);
  const sheetPath = await downloaded(sdm, () => sdm.getByTestId('attendance-sheet').click(), 'kehadiran.xlsx');
  const sheet = new ExcelJS.Workbook();
  await sheet.xlsx.readFile(sheetPath);
  expect(sheet.worksheets.map((w) => w.name)).toEqual(['Kehadiran', 'Nilai yang diterima']);
  const ws = sheet.worksheets[0]!;
  const values = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);
  const titleRow = Array.from({ length: 10 }, (_, i) => i + 1).find((r) => ws.getCell(r, 1).value === 'NIP')!;
  expect(values(titleRow)).toEqual(['NIP', 'Nama', 'Unit kerja', `Sesi 1 (${start})`, `Sesi 2 (${day(19)})`, `Sesi 3 (${end})`]);
  expect(values(titleRow - 3).join(' ')).toContain('1 = hadir, 0 atau kosong = tidak hadir');
  const sheetRows = Array.from({ length: ws.rowCount - titleRow }, (_, i) => titleRow + 1 + i);
  expect(sheetRows).toHaveLength(total);
  expect(sheetRows.every((r) => values(r).slice(3).join() === '0,0,0')).toBe(true);
  const nips = sheetRows.map((r) => ws.getCell(r, 1).value);
  // Kept as text (an 18-digit NIP as a number would lose its last digits); TKK have ids of their own.
  expect(nips.every((nip) => typeof nip === 'string' && nip !== '')).toBe(true);
  expect(nips).toContain(pegawaiNip);
  // Filled in as the organiser's list says: everyone present, except one participant (not the
  // demo's pegawai) who missed the second day; another passing participant is followed too.
  const others = (nips as string[]).filter((nip) => nip !== pegawaiNip);
  const absentNip = others[0]!;
  const otherNip = others.at(-1)!;

  // The same list as a CSV that a spreadsheet program re-saved with the NIPs as numbers: refused,
  // each such row named, nothing saved.
  const resaved = `NIP;Nama;Sesi 1;Sesi 2;Sesi 3\r\n${absentNip[0]},${absentNip.slice(1, 6)}E+17;A;1;1;1\r\n`;
  const resavedPath = test.info().outputPath('kehadiran-excel.csv');
  mkdirSync(dirname(resavedPath), { recursive: true });
  writeFileSync(resavedPath, resaved);
  await sdm.locator('#attendance-file').setInputFiles(resavedPath);
  await posted(sdm, () => sdm.getByTestId('import-attendance').click());
  await expect(sdm.getByRole('alert').filter({ hasText: 'NIP tertulis' })).toContainText(
    `Baris 2: NIP tertulis ${absentNip[0]},${absentNip.slice(1, 6)}E+17 — simpan kolom NIP sebagai teks`,
  );
  await expect(sdm.getByTestId('done')).toHaveCount(0);
  await shot(sdm, 'attendance-refused');

  for (const r of sheetRows) {
    ws.getCell(r, 4).value = 1;
    ws.getCell(r, 5).value = ws.getCell(r, 1).value === absentNip ? null : 1;
    ws.getCell(r, 6).value = 'hadir';
  }
  const filledPath = test.info().outputPath('kehadiran-diisi.xlsx');
  await sheet.xlsx.writeFile(filledPath);
  await sdm.locator('#attendance-file').setInputFiles(filledPath);
  await posted(sdm, () => sdm.getByTestId('import-attendance').click());
  await expect(sdm.getByTestId('done')).toHaveText(`Kehadiran ${total} peserta dibaca dari berkas; ${total} berubah.`);

  // The grid, over all its pages, shows what the file said.
  expect(await gridCounts(sdm, eventUrl)).toEqual({ ticked: total * 3 - 1, unticked: 1 });
  await sdm.goto(`${eventUrl}?pq=${absentNip}`);
  const absentBoxes = sdm.getByTestId('attendance-grid').locator('tbody tr input[type=checkbox]');
  await expect(absentBoxes).toHaveCount(3);
  await expect(absentBoxes.nth(0)).toBeChecked();
  await expect(absentBoxes.nth(1)).not.toBeChecked();
  await expect(absentBoxes.nth(2)).toBeChecked();
  await shot(sdm, 'attendance-imported');

  // Closing: everyone but the absentee passes and gets a certificate.
  await sdm.goto(eventUrl);
  await posted(sdm, () => sdm.getByTestId('close-event').click());
  await expect(sdm.getByTestId('done')).toContainText(`${total - 1} dari ${total} peserta lulus`);
  await sdm.goto(`${eventUrl}?pq=${absentNip}`);
  await expect(sdm.getByTestId('attendance-grid').locator('tbody tr')).toContainText('Tidak lulus (kehadiran kurang)');
  await expect(sdm.getByTestId('certificate-number')).toHaveCount(0);
  await sdm.goto(`${eventUrl}?pq=${otherNip}`);
  const otherNumber = (await sdm.getByTestId('certificate-number').innerText()).trim();
  await sdm.goto(`${eventUrl}?pq=${pegawaiNip}`);
  const pegawaiRow = sdm.getByTestId('attendance-grid').locator('tbody tr');
  await expect(pegawaiRow).toHaveCount(1);
  await expect(pegawaiRow).toContainText('24 JP');
  const number = (await sdm.getByTestId('certificate-number').innerText()).trim();
  expect(number).not.toBe(otherNumber);
  const qrUrl = await sdm.getByTestId('verification-link').getAttribute('href');
  expect(qrUrl).toBe(`${app.url}/verifikasi/${encodeURIComponent(number)}`);
  const credentialPath = await downloaded(
    sdm,
    () => pegawaiRow.getByRole('link', { name: 'Kredensial digital (JSON)' }).click(),
    'kredensial.json',
  );

  // Kartu Data: the pegawai's own (page and XLSX) and another participant's (as the admin) list the
  // event with its 24 JP and the certificate (number, and its PDF as the activity's evidence).
  await pegawai.goto(`${app.url}/`);
  await pegawai.getByRole('link', { name: 'Kartu Data saya' }).click();
  await pegawai.waitForURL(`${app.url}/employees/${pegawaiNip}`);
  await expect(cardRow(pegawai)).toHaveCount(1);
  await expect(cardRow(pegawai).locator('td').nth(4)).toHaveText('24');
  await expect(cardRow(pegawai).locator('td').nth(5)).toContainText(number);
  const xlsxPath = await downloaded(pegawai, () => pegawai.getByRole('link', { name: 'Unduh XLSX' }).click(), 'kartu-data.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const xlsxRows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => xlsxRows.push((row.values as unknown[]).slice(1)));
  const xlsxRow = xlsxRows.find((r) => r[1] === BIG_TITLE);
  expect(xlsxRow).toBeDefined();
  expect(xlsxRow![4]).toBe(24);
  expect(String(xlsxRow![5])).toContain(number);
  expect(xlsxRow![9]).toBe('Ya');
  await shot(pegawai, 'kartu-data');
  await cardRow(pegawai).getByRole('link', { name: BIG_TITLE }).click();
  await pegawai.waitForURL(/\/activities\/EVT-/);
  const activityUrl = pegawai.url();
  await expect(pegawai.getByText('Terverifikasi').first()).toBeVisible();
  await expect(pegawai.getByRole('link', { name: new RegExp(`sertifikat-.*\\.pdf`) })).toBeVisible();

  await sdm.goto(`${app.url}/employees/${otherNip}`);
  await expect(cardRow(sdm)).toHaveCount(1);
  await expect(cardRow(sdm).locator('td').nth(4)).toHaveText('24');
  await expect(cardRow(sdm).locator('td').nth(5)).toContainText(otherNumber);
  // The participant who missed a day has no certificate, so no such line.
  await sdm.goto(`${app.url}/employees/${absentNip}`);
  await expect(sdm.getByRole('heading', { name: 'Kartu Data Pengembangan Kompetensi' })).toBeVisible();
  await expect(cardRow(sdm)).toHaveCount(0);

  // Anyone with the number: typed on the public verification page, without a login.
  const anonymous = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  await anonymous.goto(`${app.url}/verifikasi`);
  await anonymous.getByLabel('Nomor sertifikat').fill(number);
  await anonymous.getByRole('button', { name: 'Periksa' }).click();
  await anonymous.waitForURL(qrUrl!);
  await expect(anonymous.getByTestId('verify-status')).toHaveText('Sertifikat ini asli dan berlaku.');
  await expect(anonymous.getByTestId('verify-number')).toHaveText(number);
  await expect(anonymous.getByText(BIG_TITLE)).toBeVisible();
  await shot(anonymous, 'verification-valid');
  // …and with the QR code: its address, fetched as a page and as the status verifiers read.
  expect((await anonymous.request.get(qrUrl!)).status()).toBe(200);
  const status = await anonymous.request.get(qrUrl!, { headers: { accept: 'application/json' } });
  expect(await status.json()).toMatchObject({ number, status: 'valid', revokedAt: null });

  // The OB3 credential verifies with the published key set in the independent script.
  const genuine = await runVerifier(credentialPath, `${app.url}/.well-known/jwks.json`);
  expect(genuine.out).toContain('SAH / VALID');
  expect(genuine.out).toContain(number);
  expect(genuine.out).toContain('Berlaku, tidak dicabut');
  expect(genuine.code).toBe(0);

  // Revoked through the event page, with a reason.
  const reason = 'Peserta diganti pegawai lain';
  await sdm.goto(eventUrl);
  const revokeForm = sdm.locator('form[action="?/revoke"]');
  await revokeForm.getByLabel('Nomor sertifikat').fill(number);
  await revokeForm.getByLabel('Alasan').fill(reason);
  await posted(sdm, () => revokeForm.getByRole('button', { name: 'Cabut' }).click());
  await expect(sdm.getByTestId('done')).toHaveText(`Sertifikat ${number} dicabut.`);

  // The script now says revoked (exit 1); so does the page.
  const revoked = await runVerifier(credentialPath, `${app.url}/.well-known/jwks.json`);
  expect(revoked.out).toContain('SAH / VALID');
  expect(revoked.out).toContain('DICABUT / REVOKED');
  expect(revoked.code).toBe(1);
  await anonymous.goto(qrUrl!);
  await expect(anonymous.getByTestId('verify-status')).toHaveText('Sertifikat ini telah dicabut oleh penerbitnya.');
  await shot(anonymous, 'verification-revoked');

  // The participant's activity is withdrawn: rejected with the revocation as its reason, not to be
  // fixed and resubmitted, and gone from the Kartu Data (the other participant's stays).
  await pegawai.goto(activityUrl);
  await expect(pegawai.getByTestId('rejected-notice')).toContainText(`Sertifikat ${number} dicabut: ${reason}`);
  await expect(pegawai.getByRole('link', { name: 'Perbaiki' })).toHaveCount(0);
  await expect(pegawai.getByRole('button', { name: 'Ajukan' })).toHaveCount(0);
  await shot(pegawai, 'activity-withdrawn');
  await pegawai.goto(`${app.url}/activities`);
  await expect(pegawai.getByRole('row', { name: new RegExp(BIG_TITLE) })).toContainText('Ditolak');
  await pegawai.goto(`${app.url}/employees/${pegawaiNip}`);
  await expect(pegawai.getByRole('heading', { name: 'Kartu Data Pengembangan Kompetensi' })).toBeVisible();
  await expect(cardRow(pegawai)).toHaveCount(0);
  await sdm.goto(`${app.url}/employees/${otherNip}`);
  await expect(cardRow(sdm)).toHaveCount(1);

  // The audit log has the revocation, by whom and why.
  const auditor = await loginAs(browser, app.url, 'auditor');
  await auditor.goto(`${app.url}/audit`);
  await auditor.getByLabel('Tindakan').selectOption({ label: 'Sertifikat dicabut' });
  await auditor.locator('#audit-entity-id').fill(number);
  await Promise.all([auditor.waitForURL(/action=certificate\.revoke/), auditor.getByRole('button', { name: 'Terapkan' }).click()]);
  const entries = auditor.getByTestId('audit-table').locator('tbody tr');
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText('adminsdm');
  await expect(entries).toContainText(number);
  await expect(entries).toContainText(reason);
});
