// The office's own files in a real browser: HR imports employees from an Excel sheet written in
// their own words (a preview first, every problem at once), and the unit admin hands the head of
// office a monitoring sheet that answers "who is below the obligation".
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { SUMMARY_HEADERS, SUMMARY_STATUS } from '../src/lib/monitoring-sheet.js';
import { expect, loginAs, test } from './fixtures.js';

const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'e2e');
mkdirSync(SCREENSHOTS, { recursive: true });
/** A background job on a busy 2-core machine (the page polls every 1.5 s). */
const JOB_BUDGET_MS = 60_000;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${test.info().project.name}-office-${name}.png`), fullPage: true });

test.describe.configure({ mode: 'serial' });

/** An XLSX file in the template's layout (its own header row), with the rows given by column name. */
async function workbookOf(header: string[], rows: Record<string, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Pegawai');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(header.map((h) => r[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows of a downloaded sheet as arrays of cell values (1-based cells dropped). */
async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.setInputFiles('#file', {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.click('form[action="?/importEmployees"] button');
}

const AHMAD = {
  NIP: '198811202014021003',
  Nama: 'Ahmad Fauzi Uji Impor',
  'Jenis Pegawai': 'pns',
  'Jenis Jabatan': 'Fungsional',
  'Jenjang Jabatan': 'Ahli Pertama',
  'Unit Kerja': 'Sekretariat',
  'Tanggal Lahir': '20-11-1988',
  'Jenis Kelamin': 'laki-laki',
  Pendidikan: 'S1',
};
const SITI = {
  NIP: '199305052017012004',
  Nama: 'Siti Rahma Uji Impor',
  'Jenis Pegawai': 'PNS',
  'Jenjang Jabatan': 'Pelaksana',
  // The unit admin's unit, in lower case: the monitoring test below finds her there, without any activity.
  'Unit Kerja': 'bidang bina marga',
  'Tanggal Lahir': '05-05-1993',
  'Jenis Kelamin': 'Perempuan',
  Pendidikan: 'D-III',
};

test('HR imports an Excel sheet in its own words: every problem at once, then a preview, then the import', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'adminsdm');
  await page.goto(`${app.url}/admin`);
  // The template: a sheet to fill with an example row, and a sheet of the accepted values.
  const template = await page.request.get(`${app.url}/admin/employees-template.xlsx`);
  expect(template.ok()).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Pegawai', 'Nilai yang diterima']);
  const header = (workbook.worksheets[0]!.getRow(1).values as string[]).slice(1);
  expect(header).toContain('Jenjang Jabatan');
  expect(workbook.worksheets[1]!.getColumn(2).values.join(' ')).toContain('Ahli Pertama');

  // Two wrong rows: both problems come in one pass, each with its row and column, in plain words.
  await upload(
    page,
    'pegawai-salah.xlsx',
    await workbookOf(header, [
      { ...AHMAD, 'Jenjang Jabatan': 'Kepala' },
      { ...SITI, 'Unit Kerja': 'Unit Entah' },
    ]),
  );
  const alert = page.getByTestId('job-employee_import').locator('[role=alert]');
  await expect(alert).toContainText('Baris 2, kolom "Jenjang Jabatan": "Kepala" tidak dikenal; pilih salah satu:', {
    timeout: JOB_BUDGET_MS,
  });
  await expect(alert).toContainText('Baris 3, kolom "Unit Kerja": unit kerja "Unit Entah" tidak ada di aplikasi');
  await expect(alert).not.toContainText('jf_');
  await shot(page, 'import-problems');

  // The right file: a preview with the counts, nothing saved yet.
  await upload(page, 'pegawai.xlsx', await workbookOf(header, [AHMAD, SITI]));
  await expect(page.getByTestId('import-preview')).toContainText('2 baris terbaca: 2 pegawai baru, 0 berubah, 0 tetap', {
    timeout: JOB_BUDGET_MS,
  });
  await shot(page, 'import-preview');
  await page.getByRole('button', { name: 'Simpan impor' }).click();
  await expect(page.getByTestId('import-result')).toContainText('2 pegawai ditambahkan, 0 diperbarui', { timeout: JOB_BUDGET_MS });

  // Again with one change: the preview says what changes, in the officer's words.
  await upload(page, 'pegawai-2.xlsx', await workbookOf(header, [{ ...AHMAD, 'Jenjang Jabatan': 'ahli muda' }, SITI]));
  await expect(page.getByTestId('import-preview')).toContainText('2 baris terbaca: 0 pegawai baru, 1 berubah, 1 tetap', {
    timeout: JOB_BUDGET_MS,
  });
  const changes = page.getByTestId('import-changes');
  await expect(changes).toContainText(AHMAD.Nama);
  await expect(changes.locator('tr', { hasText: 'Jenjang Jabatan' })).toContainText(/Ahli Pertama\s*Ahli Muda/);
  await shot(page, 'import-changes');
  await page.getByRole('button', { name: 'Simpan impor' }).click();
  await expect(page.getByTestId('import-result')).toContainText('0 pegawai ditambahkan, 2 diperbarui', { timeout: JOB_BUDGET_MS });
  await page.context().close();
});

test('HR finds a person by NIP from any page: typed in the header, Enter, on their page', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'adminsdm');
  // Part of a name lists every match with name and NIP (many names repeat).
  await page.getByTestId('quick-find').fill('Budi');
  await page.getByTestId('quick-find').press('Enter');
  await page.waitForURL(/\/employees\?q=Budi/);
  const rows = page.getByTestId('employees-list').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  // Each with the identifier beside the name: the NIP (a contract worker's own number for TKK).
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/^Budi[^\t]*\t(\d{18}|TKK-\d+)\t/);
  const nips = (await rows.locator('td:nth-child(2)').allInnerTexts()).map((t) => t.trim()).filter((t) => /^\d{18}$/.test(t));
  expect(nips.length).toBeGreaterThan(0);
  const nip = nips[0]!;
  await shot(page, 'find-by-name');
  // A whole NIP opens the person's page at once.
  await page.goto(`${app.url}/dashboard`);
  await page.getByTestId('quick-find').fill(nip);
  await page.getByTestId('quick-find').press('Enter');
  await page.waitForURL(`${app.url}/employees/${nip}`);
  await expect(page.locator('main')).toContainText(nip);
});

test('the unit admin downloads a monitoring sheet that lists every employee against the obligation', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'adminunit');
  await page.goto(`${app.url}/dashboard`);
  const below = Number((await page.locator('h2', { hasText: 'Pegawai di bawah kewajiban' }).textContent())!.match(/\((\d+)\)/)![1]);
  expect(below).toBeGreaterThan(0);
  await shot(page, 'dashboard-below');

  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Unduh lembar monitoring (XLSX)' }).click(),
  ]);
  const summary = await sheetRows((await sheet.path())!, 'Rekap');
  expect(summary[2]).toEqual(SUMMARY_HEADERS);
  const people = summary.filter((r) => r.length >= 9 && typeof r[0] === 'number');
  const obliged = people.filter((r) => r[8] !== SUMMARY_STATUS.notObliged);
  const belowRows = obliged.filter((r) => r[8] === SUMMARY_STATUS.below);
  // Everyone with an obligation is listed, with their NIP and shortfall, including those without any
  // activity (the employee imported in the test before: whatever other tests credited, she is below).
  expect(belowRows.length).toBe(below);
  expect(belowRows.find((r) => String(r[1]) === SITI.NIP)?.slice(5, 8)).toEqual([0, 20, 20]);
  for (const r of belowRows) {
    expect(String(r[1])).toMatch(/^\S+$/);
    expect(Number(r[7])).toBeCloseTo(Number(r[6]) - Number(r[5]), 1);
  }
  const totals = summary.find((r) => String(r[2] ?? '').startsWith('JUMLAH PEGAWAI WAJIB'))!;
  expect(totals.slice(2, 5)).toEqual([
    `JUMLAH PEGAWAI WAJIB: ${obliged.length}`,
    `MEMENUHI: ${obliged.length - below}`,
    `BELUM MEMENUHI: ${below}`,
  ]);
  const detail = await sheetRows((await sheet.path())!, 'Rincian Kegiatan');
  expect(detail[2]).toContain('PENGEMBANGAN KOMPETENSI');

  // The below-obligation list on its own, every row of it.
  const [list] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh daftar ini (XLSX)' }).click()]);
  const listed = (await sheetRows((await list.path())!, 'Rekap')).filter((r) => r.length >= 9 && typeof r[0] === 'number');
  expect(listed.map((r) => r[1]).sort()).toEqual(belowRows.map((r) => r[1]).sort());
  await page.context().close();
});
