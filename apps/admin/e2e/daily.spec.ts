// The daily loop of an office in a real browser, each test on its own data: an activity recorded
// twice is flagged to the employee and to the reviewer; one that has not ended waits; the unit
// admin's JP override waits for the superior and goes above the rule only when confirmed with a
// reason; the activity list is searched, filtered and paged by its address; the rule profile
// changes only after HR has seen what it changes.
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
/** An ISO date some days ago (negative: days ahead). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${test.info().project.name}-daily-${name}.png`), fullPage: true });
/** A page's path, as the app's links name it. */
const pathOf = (url: string) => new URL(url).pathname;

/** The NIP of the user logged in on the page (their own page is linked from the home page). */
async function ownNip(page: Page, url: string) {
  await page.goto(`${url}/`);
  return ((await page.locator('a[href^="/employees/"]').first().getAttribute('href')) ?? '').split('/').pop()!;
}

interface Recorded {
  title: string;
  method?: string;
  /** Days ago (negative: ahead). */
  start: number;
  end: number;
  certificate?: string;
  statedJp?: number;
  sessions?: number;
}

/** Records an activity through the form with an evidence file, saved as a draft; returns its page's URL. */
async function record(page: Page, url: string, a: Recorded) {
  await page.goto(`${url}/activities/new`);
  await page.selectOption('#method', a.method ?? 'pelatihan_teknis');
  await page.fill('#title', a.title);
  await page.fill('#organizer', 'Balai Diklat PUPR Wilayah IV');
  await page.fill('#startDate', daysAgo(a.start));
  await page.fill('#endDate', daysAgo(a.end));
  if (a.sessions !== undefined) await page.fill('#sessions', String(a.sessions));
  else await page.fill('#statedJp', String(a.statedJp ?? 24));
  if (a.certificate) await page.fill('#certificateNumber', a.certificate);
  await page.setInputFiles('#evidence', { name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: pdf(a.title) });
  await expect(page.getByTestId('preview-jp')).toBeVisible();
  await page.click('main button[type=submit]');
  await page.waitForURL(/\/activities\/ACT-/);
  await expect(page.locator('h1 .badge')).toHaveText('Draf');
  return page.url().split('?')[0]!;
}

/** Submits the activity shown on the page, with the declaration ticked. */
async function submit(page: Page) {
  await page.check('#declaration');
  await page.click('form[action="?/submit"] button');
  await expect(page.locator('h1 .badge')).toHaveText('Diajukan');
}

test('an activity recorded twice is flagged with a link to the other record, to the employee and to the reviewer', async ({
  browser,
  app,
}) => {
  const pegawai = await loginAs(browser, app.url, 'pegawai');
  const nip = await ownNip(pegawai, app.url);
  const first = { title: 'Pelatihan Manajemen Proyek Jalan E2E', start: 52, end: 50, certificate: 'E2E/DUP/1' };
  const firstUrl = await record(pegawai, app.url, first);
  await submit(pegawai);

  // The same training again, one of its days: flagged when saved, the first record named and linked.
  const second = { title: 'Manajemen Proyek Jalan hari kedua E2E', start: 51, end: 51, certificate: 'E2E/DUP/2' };
  const secondUrl = await record(pegawai, app.url, second);
  const warning = pegawai.getByTestId('duplicate-warning');
  await expect(warning).toContainText('Mungkin tercatat dua kali.');
  const toFirst = warning.locator('li', { has: pegawai.locator(`a[href="${pathOf(firstUrl)}"]`) });
  await expect(toFirst).toContainText('pegawai, jenis kegiatan dan tanggal yang sama');
  await expect(toFirst).toContainText(`${first.title} (`);
  await expect(toFirst).toContainText(`, ${nip}) — diajukan`);
  await shot(pegawai, 'duplicate-saved');
  // Still there once submitted: the reviewer decides which one counts.
  await submit(pegawai);
  await expect(warning.locator(`a[href="${pathOf(firstUrl)}"]`)).toBeVisible();

  // The same certificate number on another training (typed in lower case): flagged for that alone.
  await record(pegawai, app.url, { title: 'Pelatihan Perencanaan Geometrik Jalan E2E', start: 81, end: 80, certificate: 'e2e/dup/1' });
  const byCertificate = warning.locator('li', { has: pegawai.locator(`a[href="${pathOf(firstUrl)}"]`) });
  await expect(byCertificate).toContainText('nomor sertifikat sama');
  await expect(byCertificate).not.toContainText('tanggal yang sama');

  // The unit admin: the queue flags both submissions; each record links to the other.
  const admin = await loginAs(browser, app.url, 'adminunit');
  await admin.goto(`${app.url}/review?q=${nip}`);
  for (const title of [first.title, second.title]) {
    const row = admin.locator('tbody tr', { has: admin.getByRole('link', { name: title, exact: true }) });
    await expect(row.getByTestId('duplicate-flag')).toHaveText('Mungkin tercatat dua kali');
  }
  await shot(admin, 'duplicate-queue');
  await admin.getByRole('link', { name: second.title, exact: true }).click();
  await admin.waitForURL(secondUrl);
  await admin.getByTestId('duplicate-warning').getByRole('link', { name: first.title, exact: true }).click();
  await admin.waitForURL(firstUrl);
  await expect(admin.getByTestId('duplicate-warning').locator(`a[href="${pathOf(secondUrl)}"]`)).toBeVisible();
  await pegawai.context().close();
  await admin.context().close();
});

test('an activity that has not ended yet is kept as a draft: submitting it is refused in plain words', async ({ browser, app }) => {
  const page = await loginAs(browser, app.url, 'pegawai');
  await record(page, app.url, { title: 'Pelatihan Jalan Berkelanjutan E2E', start: -3, end: -5, certificate: 'E2E/LATER/1' });
  await expect(page.locator('#not-ended')).toContainText('ajukan setelah tanggal itu');
  await page.check('#declaration');
  await page.click('form[action="?/submit"] button');
  const refusal = page.locator('form[action="?/submit"] [role=alert]');
  await expect(refusal).toContainText('Kegiatan yang belum selesai belum dapat diajukan');
  // The date as people write it, not as the database stores it.
  const end = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${daysAgo(-5)}T00:00:00Z`),
  );
  await expect(refusal).toContainText(`Tanggal selesai ${end} belum lewat`);
  await expect(refusal).not.toContainText(daysAgo(-5));
  await expect(refusal).not.toContainText('endDate');
  await expect(refusal).not.toContainText('not_ended');
  await expect(page.locator('h1 .badge')).toHaveText('Draf');
  await shot(page, 'not-ended');
  await page.reload();
  await expect(page.locator('h1 .badge')).toHaveText('Draf');
  await page.context().close();
});

test('the unit admin sets the JP after the superior’s approval, above the rule only with a second confirmation and a reason', async ({
  browser,
  app,
}) => {
  const pegawai = await loginAs(browser, app.url, 'pegawai');
  // Coaching: 2 JP a session ([K] IV.D.1.j), approved first by the direct superior ([K] III.D.5).
  const url = await record(pegawai, app.url, {
    title: 'Coaching Pengawasan Mutu Beton E2E',
    method: 'coaching',
    start: 45,
    end: 45,
    sessions: 2,
  });
  await submit(pegawai);

  const admin = await loginAs(browser, app.url, 'adminunit');
  await admin.goto(url);
  await expect(admin.getByTestId('activity-jp')).toHaveText('4 JP');
  // Before the superior's approval the JP cannot be set: the form is not offered, only why.
  const override = admin.locator('form[action="?/override"]');
  const refusal = override.locator('[role=alert]');
  await expect(admin.getByTestId('override-waits')).toHaveText('JP dapat ditetapkan setelah atasan langsung menyetujui kegiatan ini.');
  await expect(override).toHaveCount(0);
  await expect(admin.getByTestId('activity-jp')).toHaveText('4 JP');

  const atasan = await loginAs(browser, app.url, 'atasan');
  await atasan.goto(url);
  await atasan.click('button[formaction="?/approve"]');
  await expect(atasan.getByTestId('decided')).toContainText('Disetujui');

  // Above the rule's 4 JP: a second confirmation appears; a reason of a few letters is not one.
  await admin.goto(url);
  await expect(admin.getByTestId('override-waits')).toHaveCount(0);
  await expect(admin.locator('#jp-hint')).toContainText('Aturan metode ini memberi 4 JP');
  await admin.fill('#jp', '10');
  await expect(admin.getByTestId('override-above')).toContainText('Saya mengonfirmasi 10 JP, di atas 4 JP menurut aturan metode ini');
  await admin.fill('#overrideReason', 'ok');
  await override.getByRole('button').click();
  await expect(refusal).toContainText(/Alasan penetapan: .*minimal 5/);
  // A reason, but no confirmation: refused, and the JP stays as the rule gives it.
  const reason = 'Sesi coaching tambahan di lapangan, surat keterangan atasan';
  await admin.fill('#overrideReason', reason);
  await override.getByRole('button').click();
  await expect(refusal).toContainText(
    'Konfirmasi JP di atas aturan: 10 JP melebihi 4 JP menurut aturan metode ini: centang konfirmasi dan tuliskan alasannya',
  );
  await expect(admin.getByTestId('activity-jp')).toHaveText('4 JP');
  await shot(admin, 'override-unconfirmed');
  await admin.check('#confirmAboveRule');
  await override.getByRole('button').click();
  await expect(admin.getByTestId('activity-jp')).toHaveText('10 JP');
  // The officer who set it is named with name and NIP.
  await expect(admin.getByTestId('jp-override')).toHaveText(new RegExp(`^JP ditetapkan oleh \\S.* \\(\\d{18}\\): 10 JP — ${reason}$`));
  await shot(admin, 'override-set');

  // The employee sees the same JP and why.
  await pegawai.goto(url);
  await expect(pegawai.getByTestId('activity-jp')).toHaveText('10 JP');
  await expect(pegawai.getByTestId('jp-override')).toContainText(reason);
  for (const page of [pegawai, admin, atasan]) await page.context().close();
});

test('the activity list is searched by NIP and by part of a name, filtered by status and paged; the address keeps it all', async ({
  browser,
  app,
}) => {
  const page = await loginAs(browser, app.url, 'adminsdm');
  // Someone with activities: the employee of the demo login `pegawai`, found with the accounts list's search.
  await page.goto(`${app.url}/admin`);
  await page.fill('#uq', 'pegawai');
  await page.getByTestId('users-search').getByRole('button').click();
  await expect(page).toHaveURL(/[?&]uq=pegawai(&|$)/);
  const person = page.getByTestId('user-pegawai').locator('a[href^="/employees/"]');
  const nip = ((await person.getAttribute('href')) ?? '').split('/').pop()!;
  const surname = ((await person.textContent()) ?? '')
    .replace(/\s*\(.*$/, '')
    .trim()
    .split(' ')
    .at(-1)!;
  expect(nip).toMatch(/^\d{18}$/);

  const count = page.getByTestId('activities-count');
  const rows = page.locator('main tbody tr');
  const employeeCells = () => rows.locator('td:nth-child(2)').allInnerTexts();

  // By NIP, straight from the own list: the search looks among everyone's.
  await page.goto(`${app.url}/activities`);
  await page.fill('#activities-q', nip);
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${nip}(&|$)`));
  await expect(count).toHaveText(/^1–\d+ dari \d+$/);
  const byNip = await rows.count();
  expect(byNip).toBeGreaterThan(0);
  expect(byNip).toBeLessThanOrEqual(50);
  await expect(count).toHaveText(`1–${byNip} dari ${byNip}`);
  for (const cell of await employeeCells()) expect(cell).toContain(nip);
  // Reloaded (or opened from a bookmark): the same list.
  await page.reload();
  await expect(page.locator('#activities-q')).toHaveValue(nip);
  await expect(count).toHaveText(`1–${byNip} dari ${byNip}`);

  // Part of a name in lower case, with a status.
  const part = surname.toLowerCase().slice(0, 5);
  await page.fill('#activities-q', part);
  await page.selectOption('#status', 'verified');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(/[?&]status=verified(&|$)/);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${part}(&|$)`));
  await expect(count).toHaveText(/^1–\d+ dari (lebih dari )?\d+$/);
  expect(await rows.count()).toBeGreaterThan(0);
  for (const cell of await employeeCells()) expect(cell.toLowerCase()).toContain(part);
  for (const status of await rows.locator('td:last-child').allInnerTexts()) expect(status.trim()).toBe('Terverifikasi');
  await shot(page, 'list-search');
  const bookmark = page.url();
  const other = await page.context().newPage();
  await other.goto(bookmark);
  await expect(other.locator('#activities-q')).toHaveValue(part);
  await expect(other.locator('#status')).toHaveValue('verified');
  await expect(other.getByTestId('activities-count')).toHaveText((await count.textContent())!);
  await other.close();

  // Everything the user may see, 50 at a time.
  await page.goto(`${app.url}/activities?scope=all`);
  await expect(count).toHaveText(/^1–50 dari \d+$/);
  const total = Number((await count.textContent())!.split(' ').at(-1));
  expect(total).toBeGreaterThan(50);
  const links = () => rows.locator('td:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const firstPage = await links();
  await page.getByRole('link', { name: 'Halaman berikutnya' }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  await expect(page).toHaveURL(/[?&]scope=all(&|$)/);
  await expect(count).toHaveText(`51–${Math.min(100, total)} dari ${total}`);
  const secondPage = await links();
  expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);
  await page.reload();
  await expect(count).toHaveText(`51–${Math.min(100, total)} dari ${total}`);
  await page.getByRole('link', { name: 'Halaman pertama' }).click();
  await expect(count).toHaveText(`1–50 dari ${total}`);
  expect(await links()).toEqual(firstPage);

  // Sorted by title, chosen with the keyboard on the second page: the order goes in the URL and
  // the list starts again at its first page; its next page follows on without a repeat.
  await page.getByRole('link', { name: 'Halaman berikutnya' }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  const sort = page.getByLabel('Urutkan');
  await sort.focus();
  await page.keyboard.press('End');
  await expect(sort).toHaveValue('title');
  await page.getByRole('button', { name: 'Tampilkan' }).press('Enter');
  await expect(page).toHaveURL(/[?&]sort=title(&|$)/);
  await expect(page).not.toHaveURL(/[?&]after=/);
  await expect(count).toHaveText(`1–50 dari ${total}`);
  const titles = await rows.locator('td:first-child').allInnerTexts();
  const lower = titles.map((t) => t.trim().toLowerCase());
  expect(lower.filter((t, i) => i === 0 || lower[i - 1] !== t).length).toBe(new Set(lower).size);
  const byTitle = await links();
  expect(byTitle).not.toEqual(firstPage);
  await page.getByRole('link', { name: 'Halaman berikutnya' }).click();
  await expect(page).toHaveURL(/[?&]sort=title(&|$)/);
  await expect(count).toHaveText(`51–${Math.min(100, total)} dari ${total}`);
  expect((await links()).filter((href) => byTitle.includes(href))).toEqual([]);
  await page.context().close();
});

test('HR changes the rule profile only after seeing what it changes; cancelling changes nothing', async ({ browser, app }) => {
  // Two changes, each recomputing every stored JP in the background.
  test.slow();
  const page = await loginAs(browser, app.url, 'adminsdm');
  await page.goto(`${app.url}/admin`);
  const current = page.getByTestId('profile-current');
  const preview = page.getByTestId('profile-preview');
  // Profiles are shown by their document's title; the id (the select's value) stays under "Detail aturan".
  const kb = 'Pedoman Pengembangan Kompetensi DPUPR Kabupaten Kutai Barat';
  const pupr = 'Peraturan Menteri PUPR Nomor 2 Tahun 2023 tentang Pengembangan Kompetensi Pegawai ASN';
  await expect(current).toHaveText(`Profil yang berlaku: ${kb}`);

  const previewOf = async (profile: string) => {
    await page.selectOption('#profile', profile);
    await page.getByRole('button', { name: 'Lihat dampak perubahan' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]preview=${profile}(&|$)`));
    await expect(preview).toBeVisible();
    const before = (await page.getByTestId('preview-before').textContent())!.trim();
    const after = (await page.getByTestId('preview-after').textContent())!.trim();
    expect(before).toMatch(/^[\d.]+ \/ [\d.]+$/);
    expect(after).toMatch(/^[\d.]+ \/ [\d.]+$/);
    return { before, after };
  };

  // What the change would do, before anything changes; cancelled, nothing did.
  const shown = await previewOf('pupr-2023');
  await expect(preview).toContainText(`Dampak mengganti profil ${kb} menjadi ${pupr}`);
  await expect(preview).toContainText('belum ada yang diubah');
  await expect(current).toHaveText(`Profil yang berlaku: ${kb}`);
  await shot(page, 'profile-preview');
  await preview.getByRole('link', { name: 'Batal' }).click();
  await expect(page).toHaveURL(`${app.url}/admin`);
  await expect(preview).toHaveCount(0);
  await expect(current).toHaveText(`Profil yang berlaku: ${kb}`);
  expect(await previewOf('pupr-2023')).toEqual(shown);

  // Confirmed: the profile is the new one, and what it changed is what the preview said.
  await preview.getByRole('button', { name: `Ya, ganti ke ${pupr}` }).click();
  await expect(current).toHaveText(`Profil yang berlaku: ${pupr}`);
  await expect(preview).toHaveCount(0);
  expect((await previewOf('kutai-barat-2024')).before).toBe(shown.after);

  // Back to the profile the other tests expect, once every JP is recomputed.
  await preview.getByRole('button', { name: `Ya, ganti ke ${kb}` }).click();
  await expect(current).toHaveText(`Profil yang berlaku: ${kb}`);
  await expect(async () => {
    await page.goto(`${app.url}/dashboard`);
    await expect(page.getByTestId('compliance-rate')).toBeVisible();
    await expect(page.getByText('sedang dihitung ulang')).toHaveCount(0);
  }).toPass({ timeout: 180_000 });
  await page.context().close();
});
