// Evidence files go to the server as multipart parts, checked there (size, real type by the first
// bytes) whether or not the browser runs the page's JavaScript; the bytes on the wire are printed.
import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures.js';

const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
const PDF_HEADER = Buffer.from('%PDF-1.4\n');
/** A PDF of exactly `size` bytes (a real header, then padding: only the first bytes decide the type). */
const pdfOfSize = (size: number) => Buffer.concat([PDF_HEADER, Buffer.alloc(size - PDF_HEADER.length, 0x20)]);
const dayThisYear = (offsetDays: number) => new Date(Date.now() - offsetDays * 86_400_000).toISOString().slice(0, 10);
const TITLE = 'Pelatihan Teknis Bukti Unggah E2E';

test.describe.configure({ mode: 'serial' });

async function fillTraining(page: Page, url: string) {
  await page.goto(`${url}/activities/new`);
  await page.selectOption('#method', 'pelatihan_teknis');
  await page.fill('#title', TITLE);
  await page.fill('#organizer', 'Balai Diklat PUPR Wilayah IV');
  await page.fill('#startDate', dayThisYear(10));
  await page.fill('#endDate', dayThisYear(7));
  if (!(await page.locator('#statedJp').count())) {
    // Without JavaScript the JP field of the chosen method shows once the server has seen the method.
    await page.click('main button[type=submit]');
    await expect(page.locator('#statedJp')).toBeVisible();
  }
  await page.fill('#statedJp', '24');
}

test('without JavaScript: a file too big and a file that is not a PDF are refused beside the field; nothing is saved', async ({
  browser,
  app,
}) => {
  const page = await loginAs(browser, app.url, 'pegawai', { javaScriptEnabled: false });
  await fillTraining(page, app.url);
  await page.setInputFiles('#evidence', { name: 'besar.pdf', mimeType: 'application/pdf', buffer: pdfOfSize(MAX_EVIDENCE_BYTES + 1) });
  await page.click('main button[type=submit]');
  await expect(page.locator('#evidence-error')).toContainText('Berkas melebihi 5 MiB');
  await expect(page.locator('#evidence')).toHaveAttribute('aria-invalid', 'true');
  // What was typed comes back with the refusal (only the file must be chosen again).
  await expect(page.locator('#title')).toHaveValue(TITLE);
  expect(new URL(page.url()).pathname).toBe('/activities/new');

  await page.setInputFiles('#evidence', { name: 'palsu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>bukan</html>') });
  await page.click('main button[type=submit]');
  await expect(page.locator('#evidence-error')).toContainText('PDF, JPEG atau PNG');

  await page.goto(`${app.url}/activities`);
  await expect(page.locator('tbody')).not.toContainText(TITLE);
});

test('without JavaScript: the right file is saved and served back as it was sent', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'pegawai', { javaScriptEnabled: false });
  await fillTraining(page, app.url);
  const pdf = pdfOfSize(64 * 1024);
  await page.setInputFiles('#evidence', { name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.click('main button[type=submit]');
  await page.waitForURL(/\/activities\/ACT-/);
  const served = await page.request.get(`${page.url().split('?')[0]}/evidence`);
  expect(served.status()).toBe(200);
  expect(Buffer.from(await served.body()).equals(pdf)).toBe(true);
});

test('with JavaScript: a 5 MiB file travels as one multipart part (bytes on the wire printed)', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'pegawai', { javaScriptEnabled: true });
  await fillTraining(page, app.url);
  const pdf = pdfOfSize(MAX_EVIDENCE_BYTES);
  await page.setInputFiles('#evidence', { name: 'sertifikat-5mib.pdf', mimeType: 'application/pdf', buffer: pdf });
  // The multipart body the browser encodes for this form (Chromium reports no size for a body with
  // a file part, so it is encoded here the same way: the form's FormData as a request body).
  const wire = await page.evaluate(async () => {
    const form = document.querySelector<HTMLFormElement>('main form[enctype="multipart/form-data"]')!;
    return (await new Response(new FormData(form)).arrayBuffer()).byteLength;
  });
  const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/activities/new');
  await page.click('main button[type=submit]');
  const request = await posted;
  await page.waitForURL(/\/activities\/ACT-/);
  expect(request.headers()['content-type']).toContain('multipart/form-data');
  // What the previous procedure input took for the same file: the fields and the file as base64 in JSON.
  const fields = { method: 'pelatihan_teknis', title: TITLE, organizer: 'Balai Diklat PUPR Wilayah IV' };
  const base64Json = Buffer.byteLength(
    JSON.stringify({ ...fields, evidence: { name: 'sertifikat-5mib.pdf', contentBase64: pdf.toString('base64') } }),
  );
  console.log(
    `[evidence upload] file ${pdf.length} B; multipart body on the wire ${wire} B (+${wire - pdf.length} B); ` +
      `base64 JSON body of the previous API ${base64Json} B (+${base64Json - pdf.length} B)`,
  );
  test.info().annotations.push({ type: 'bytes on the wire', description: `multipart ${wire} B; base64 JSON ${base64Json} B` });
  expect(wire).toBeGreaterThan(pdf.length);
  expect(wire).toBeLessThan(base64Json);
});
