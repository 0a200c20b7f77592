// MyASN/SIASN in a real browser: the unit admin opens a verified activity's MyASN entry and SIASN
// body, marks it uploaded (the employee's page and Kartu Data follow), then uploads the employee's
// SIASN history, reads the differences and settles them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, loginAs, test } from './fixtures.js';

const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'e2e');
mkdirSync(SCREENSHOTS, { recursive: true });
const SIASN_ID = 'e2e-rw-0001';

test.describe.configure({ mode: 'serial' });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${test.info().project.name}-myasn-${name}.png`), fullPage: true });

const state: { page?: Page; activityId?: string; nip?: string; body?: Record<string, string | number> } = {};

test('the unit admin marks a verified activity as uploaded; the employee page and the Kartu Data show it', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'adminunit');
  state.page = page;
  await page.getByRole('link', { name: 'MyASN/SIASN' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unggah ke MyASN/SIASN');
  await expect(page.getByTestId('myasn-progress')).toContainText('0 dari');
  await page.selectOption('#filter', 'pending');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  const first = page.getByTestId('myasn-list').locator('tbody tr').first();
  state.nip = (await first.locator('td').first().locator('small').textContent())!.trim();
  await first.locator('td').nth(1).getByRole('link').click();
  await page.waitForURL(/\/myasn\/activities\//);
  state.activityId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);

  // The nine MyASN fields and the SIASN body, downloadable as JSON.
  await expect(page.getByTestId('myasn-form')).toContainText('Durasi (Jam)');
  await expect(page.getByTestId('myasn-status')).toHaveText('Belum diunggah');
  const download = await page.request.get(`${app.url}/myasn/activities/${state.activityId}/siasn`);
  expect(download.status()).toBe(200);
  const json = (await download.json()) as {
    endpoint: string;
    body: Record<string, string | number>;
    uploadDocument: { id_ref_dokumen: string };
  };
  expect(json.endpoint).toMatch(/^\/apisiasn\/1\.0\/(diklat|kursus)\/save$/);
  expect(await page.getByTestId('siasn-body').textContent()).toContain(`"endpoint": "${json.endpoint}"`);
  state.body = { ...json.body, endpoint: json.endpoint };
  await shot(page, 'entry');

  await page.fill('#siasnId', SIASN_ID);
  await page.getByRole('button', { name: 'Tandai sudah diunggah' }).click();
  await expect(page.getByTestId('myasn-status')).toContainText('Sudah diunggah');
  await expect(page.getByTestId('myasn-status')).toContainText(SIASN_ID);
  await shot(page, 'marked');

  await page.goto(`${app.url}/employees/${state.nip}`);
  await expect(page.getByTestId(`myasn-${state.activityId}`)).toContainText('Sudah diunggah');
  const kartu = await page.request.get(`${app.url}/employees/${state.nip}/kartu?format=xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await kartu.body()) as unknown as ArrayBuffer);
  const uploadedColumn: string[] = [];
  wb.worksheets[0]!.eachRow((row) => {
    if (typeof row.getCell(1).value === 'number') uploadedColumn.push(String(row.getCell(11).value));
  });
  expect(uploadedColumn).toContain('Ya');
});

test('an uploaded SIASN history is compared: a broken file is refused with its place, differences are listed and settled', async ({
  app,
}) => {
  const page = state.page!;
  const body = state.body!;
  const kursus = String(body['endpoint']).endsWith('kursus/save');
  // SIASN holds the marked activity with 2 JP more, and a course Bangkom does not hold.
  const held = kursus
    ? {
        kursus: [
          {
            id: SIASN_ID,
            nipBaru: state.nip,
            jenisDiklatId: body['jenisDiklatId'],
            namaKursus: body['namaKursus'],
            noSertipikat: body['nomorSertipikat'],
            tanggalKursus: body['tanggalKursus'],
            tanggalSelesaiKursus: body['tanggalSelesaiKursus'],
            jumlahJam: Number(body['jumlahJam']) + 2,
            institusiPenyelenggara: body['institusiPenyelenggara'],
          },
        ],
      }
    : {
        diklat: [
          {
            id: SIASN_ID,
            nipBaru: state.nip,
            latihanStrukturalId: body['latihanStrukturalId'],
            nomor: body['nomor'],
            tanggal: body['tanggal'],
            tanggalSelesai: body['tanggalSelesai'],
            jumlahJam: Number(body['jumlahJam']) + 2,
            institusiPenyelenggara: body['institusiPenyelenggara'],
          },
        ],
      };
  const year = new Date().getUTCFullYear();
  const elearning = {
    id: 'e2e-rw-0002',
    nipBaru: state.nip,
    jenisDiklatId: '16',
    namaKursus: 'E-Learning Etika ASN (dari SIASN)',
    noSertipikat: 'E2E/EL/1',
    tanggalKursus: `02-01-${year}`,
    tanggalSelesaiKursus: `02-01-${year}`,
    jumlahJam: 3,
  };
  const history = { diklat: [], kursus: [], ...held };
  history.kursus = [...history.kursus, elearning] as never;

  await page.goto(`${app.url}/myasn`);
  // A broken file: refused, with the record and field at fault.
  await page.setInputFiles('#history-file', {
    name: 'rusak.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ kursus: [{ ...elearning, tanggalKursus: '31-02-2025' }] })),
  });
  await page.fill('#employeeId', state.nip!);
  await page.getByRole('button', { name: 'Cocokkan' }).click();
  await expect(page.getByRole('alert')).toContainText('kursus ke-1, tanggalKursus');
  await expect(page.getByRole('alert')).toContainText('tidak ada yang disimpan');
  await shot(page, 'refused');

  await page.setInputFiles('#history-file', {
    name: `rw-${state.nip}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(history)),
  });
  await page.fill('#employeeId', state.nip!);
  await page.getByRole('button', { name: 'Cocokkan' }).click();
  await page.waitForURL(/\/myasn\/reconciliations\/\d+/);
  await expect(page.getByTestId('rec-summary')).toContainText('2 catatan SIASN');

  const different = page.getByTestId('lines-different').locator('tbody tr');
  await expect(different).toHaveCount(1);
  await expect(different.first()).toContainText(`SIASN ${Number(body['jumlahJam']) + 2}`);
  const missing = page.getByTestId('lines-missing_locally').locator('tbody tr');
  await expect(missing.first()).toContainText('E-Learning Etika ASN (dari SIASN)');
  await shot(page, 'reconciliation');

  await missing.first().getByRole('button', { name: 'Impor untuk diverifikasi' }).click();
  await expect(page.getByTestId('lines-missing_locally').locator('tbody tr').first()).toContainText('Diimpor untuk diverifikasi');
  await page.getByTestId('lines-different').locator('tbody tr').first().getByRole('button', { name: 'Tandai sudah diunggah' }).click();
  await expect(page.getByTestId('lines-different').locator('tbody tr').first()).toContainText('Ditandai sudah diunggah');

  // Another verified activity of the employee not in SIASN: ignored with a reason, when there is one.
  const notInSiasn = page.getByTestId('lines-missing_in_siasn').locator('tbody tr');
  if ((await notInSiasn.count()) > 0) {
    const line = notInSiasn.first();
    await line.getByText('Abaikan').first().click();
    await line.locator('textarea').fill('Diunggah pegawai pekan ini');
    await line.locator('details form button[type=submit]').click();
    await expect(page.getByTestId('lines-missing_in_siasn').locator('tbody tr').first()).toContainText('Diunggah pegawai pekan ini');
  }
  await shot(page, 'settled');

  // The imported record waits for verification like any submitted activity.
  await page.goto(`${app.url}/activities/siasn-kursus-e2e-rw-0002`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('E-Learning Etika ASN (dari SIASN)');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Diajukan');
});

test('HR takes the unit to every verified activity uploaded: the streamed ZIP, the SIASN history read back, all settled', async ({
  browser,
  app,
}) => {
  const page = await loginAs(browser, app.url, 'adminsdm');
  await page.goto(`${app.url}/myasn?unit=bina-marga`);
  const year = Number(await page.locator('#year').inputValue());
  // The integrator's package of what is still pending, streamed: one SIASN body per activity and an index.
  const zipResponse = await page.request.get(`${app.url}/myasn/export?format=zip&pending=1&year=${year}&unit=bina-marga`);
  expect(zipResponse.status()).toBe(200);
  expect(zipResponse.headers()['content-type']).toBe('application/zip');
  const zip = await JSZip.loadAsync(await zipResponse.body());
  const index = JSON.parse(await zip.file('daftar.json')!.async('string')) as { activityId: string; nip: string; body: string | null }[];
  expect(index.length).toBeGreaterThan(0);

  // What SIASN holds once the integrator sent those bodies: its rw-diklat/rw-kursus history of the unit.
  const history: { diklat: Record<string, unknown>[]; kursus: Record<string, unknown>[] } = { diklat: [], kursus: [] };
  const withoutBody: string[] = [];
  for (const [i, entry] of index.entries()) {
    if (!entry.body) {
      withoutBody.push(entry.activityId);
      continue;
    }
    const { endpoint, body } = JSON.parse(await zip.file(entry.body)!.async('string')) as {
      endpoint: string;
      body: Record<string, string | number>;
    };
    const common = { id: `e2e-unit-${i}`, nipBaru: entry.nip, jumlahJam: Number(body['jumlahJam']) };
    if (endpoint.endsWith('kursus/save'))
      history.kursus.push({
        ...common,
        jenisDiklatId: body['jenisDiklatId'],
        namaKursus: body['namaKursus'],
        noSertipikat: body['nomorSertipikat'],
        tanggalKursus: body['tanggalKursus'],
        tanggalSelesaiKursus: body['tanggalSelesaiKursus'],
        institusiPenyelenggara: body['institusiPenyelenggara'],
      });
    else
      history.diklat.push({
        ...common,
        latihanStrukturalId: body['latihanStrukturalId'],
        nomor: body['nomor'],
        tanggal: body['tanggal'],
        tanggalSelesai: body['tanggalSelesai'],
        institusiPenyelenggara: body['institusiPenyelenggara'],
      });
  }

  await page.setInputFiles('#history-file', {
    name: `rw-bina-marga-${year}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(history)),
  });
  await page.getByRole('button', { name: 'Cocokkan' }).click();
  await page.waitForURL(/\/myasn\/reconciliations\/\d+/);
  const reconciliation = page.url().replace(/\?.*$/, '');
  await shot(page, 'unit-reconciliation');
  await page.getByRole('button', { name: /Tandai semua yang cocok sudah diunggah/ }).click();
  await expect(page.getByRole('button', { name: /Tandai semua yang cocok sudah diunggah/ })).toHaveCount(0);

  // What had no SIASN body (a field SIASN needs is missing) was entered by hand in MyASN: marked one by one.
  for (const id of withoutBody) {
    await page.goto(`${app.url}/myasn/activities/${encodeURIComponent(id)}`);
    await page.getByRole('button', { name: 'Tandai sudah diunggah' }).click();
    await expect(page.getByTestId('myasn-status')).toContainText('Sudah diunggah');
  }

  // The lines still open are the activities marked before (not in this file): ignored with the reason.
  for (const kind of ['missing_in_siasn', 'different', 'missing_locally']) {
    await page.goto(`${reconciliation}?kind=${kind}`);
    for (;;) {
      const open = page.getByTestId(`lines-${kind}`).locator('tbody tr', { has: page.getByText('Abaikan', { exact: true }) });
      const count = await open.count();
      if (count === 0) break;
      const line = open.first();
      await line.locator('summary', { hasText: 'Abaikan' }).click();
      await line.locator('textarea').fill('Sudah ditandai diunggah sebelumnya');
      await line.locator('details form button[type=submit]').click();
      await expect(open).toHaveCount(count - 1);
    }
  }
  await shot(page, 'unit-settled');

  await page.goto(`${app.url}/myasn?unit=bina-marga&year=${year}`);
  const progress = (await page.getByTestId('myasn-progress').textContent())!;
  const [uploaded, total] = progress.match(/\d+/g)!.map(Number);
  expect(uploaded).toBe(total);
  await shot(page, 'unit-all-uploaded');
});
