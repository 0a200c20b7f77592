// The app in a real browser, as each role does its job (issue: log in as each role, submit an
// activity with a PDF, approve it, see the dashboard change, a denied action is denied).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startApp } from './server.mjs';

const RESULTS = join(import.meta.dirname, '..', 'test-results', 'e2e');
mkdirSync(RESULTS, { recursive: true });
const PASSWORD = 'bangkom-demo';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const databases = (process.env.E2E_DATABASES ?? 'pglite,postgres').split(',');

/** An ISO date in the current year, never in the future (the rules count what has happened). */
const dayThisYear = (offsetDays) => new Date(Date.now() - offsetDays * 86_400_000).toISOString().slice(0, 10);

for (const kind of databases) {
  describe(`admin app on ${kind}`, () => {
    let app;
    let browser;
    const pages = {};
    const shot = (page, name) => page.screenshot({ path: join(RESULTS, `${kind}-${name}.png`), fullPage: true });
    const state = {};

    async function login(username, { keyboard = false, viewport = { width: 1280, height: 900 } } = {}) {
      const context = await browser.newContext({ viewport, locale: 'id-ID' });
      const page = await context.newPage();
      await page.goto(`${app.url}/login`);
      if (keyboard) {
        // The username field has focus on arrival; Tab to the password, Enter submits.
        await page.waitForFunction(() => document.activeElement?.id === 'username');
        await page.keyboard.type(username);
        await page.keyboard.press('Tab');
        await page.keyboard.type(PASSWORD);
        await page.keyboard.press('Enter');
      } else {
        await page.fill('#username', username);
        await page.fill('#password', PASSWORD);
        await page.click('main button[type=submit]');
      }
      await page.waitForURL(`${app.url}/`);
      pages[username] = page;
      return page;
    }

    before(async () => {
      app = await startApp(kind);
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    });
    after(async () => {
      await browser?.close();
      await app?.stop();
    });

    test('a wrong password is refused with a message; the demo logins are shown', async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${app.url}/login`);
      assert.match(await page.textContent('[data-testid=demo-logins]'), /pegawai, atasan, adminunit, adminsdm, auditor/);
      await page.fill('#username', 'pegawai');
      await page.fill('#password', 'salah');
      await page.click('main button[type=submit]');
      await page.waitForSelector('[role=alert]');
      assert.match(await page.textContent('[role=alert]'), /Nama pengguna atau kata sandi salah/);
      assert.equal(new URL(page.url()).pathname, '/login');
    });

    test('every role logs in and sees the menu of its role', async () => {
      const menus = {
        pegawai: ['Beranda', 'Kegiatan', 'Rencana (IDP)'],
        atasan: ['Beranda', 'Kegiatan', 'Rencana (IDP)', 'Persetujuan'],
        adminunit: ['Beranda', 'Kegiatan', 'Rencana (IDP)', 'Persetujuan', 'Kepatuhan'],
        adminsdm: ['Beranda', 'Kegiatan', 'Rencana (IDP)', 'Persetujuan', 'Kepatuhan', 'Tugas Belajar', 'Administrasi'],
        auditor: ['Beranda', 'Kegiatan', 'Rencana (IDP)', 'Kepatuhan', 'Tugas Belajar', 'Administrasi', 'Log audit'],
      };
      for (const [username, menu] of Object.entries(menus)) {
        const page = await login(username, { keyboard: username === 'pegawai' });
        assert.deepEqual(await page.$$eval('header nav a', (links) => links.map((a) => a.textContent.trim())), menu, username);
        await shot(page, `home-${username}`);
      }
      assert.match(await pages.pegawai.textContent('[data-testid=my-jp]'), /\d+ JP/);
    });

    test('the unit admin sees who is below 20 JP', async () => {
      const page = pages.adminunit;
      await page.goto(`${app.url}/dashboard`);
      await page.waitForSelector('[data-testid=jp-chart]');
      state.rateBefore = await page.textContent('[data-testid=compliance-rate]');
      state.belowBefore = await page.$$eval('[data-testid=below-table] tbody tr', (rows) => rows.length);
      assert.ok(state.belowBefore > 0);
      const first = await page.$eval('[data-testid=below-table] tbody tr a', (a) => ({
        href: a.getAttribute('href'),
        name: a.textContent,
      }));
      state.belowNip = first.href.split('/').pop();
      await shot(page, 'dashboard-before');
    });

    test('the HR admin creates an account for that employee', async () => {
      const page = pages.adminsdm;
      await page.goto(`${app.url}/admin`);
      await page.fill('#username', 'e2e-pegawai');
      await page.fill('#password', PASSWORD);
      await page.selectOption('#role', 'pegawai');
      await page.fill('#employeeId', state.belowNip);
      await page.selectOption('#unitId', 'bina-marga');
      await page.click('form[action="?/createUser"] button');
      await page.waitForSelector('p.ok[role=status]');
      assert.ok((await page.textContent('table')).includes('e2e-pegawai'));
    });

    test('the HR admin imports employees: a bad file saves nothing, a good one reports what it did', async () => {
      const page = pages.adminsdm;
      const count = async () => Number((await page.textContent('h2:has-text("Pegawai")')).match(/\((\d+)\)/)[1]);
      const before = await count();
      const bad = 'NIP,Nama,Jenis Pegawai,Unit Kerja,Tanggal Lahir\n199001012015031001,Rahmat Hidayat,PNS,Sekretariat,31-02-1990\n';
      await page.setInputFiles('#file', { name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await page.click('form[action="?/importEmployees"] button');
      await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent?.includes('Tanggal Lahir'));
      assert.equal(await count(), before);
      const good = 'NIP,Nama,Jenis Pegawai,Unit Kerja,Tanggal Lahir\n199001012015031001,Rahmat Hidayat,PNS,Sekretariat,01-01-1990\n';
      await page.setInputFiles('#file', { name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await page.click('form[action="?/importEmployees"] button');
      await page.waitForSelector('[data-testid=import-result]');
      assert.match(await page.textContent('[data-testid=import-result]'), /1 pegawai ditambahkan, 0 diperbarui/);
      assert.equal(await count(), before + 1);
      await shot(page, 'admin-import');
    });

    test('an employee records a training with a PDF, sees why it is worth its JP, and submits it', async () => {
      const page = await login('e2e-pegawai');
      await page.goto(`${app.url}/activities/new`);
      // An empty form: field errors, tied to their fields.
      await page.click('main button[type=submit]');
      await page.waitForSelector('[role=alert]');
      assert.ok((await page.$$('[aria-invalid=true]')).length >= 3);
      await shot(page, 'form-errors');

      await page.selectOption('#method', 'pelatihan_teknis');
      await page.fill('#title', 'Pelatihan Teknis Perkerasan Jalan E2E');
      await page.fill('#organizer', 'Balai Diklat PUPR Wilayah IV');
      await page.fill('#startDate', dayThisYear(10));
      await page.fill('#endDate', dayThisYear(7));
      await page.fill('#statedJp', '40');
      await page.waitForFunction(() => document.querySelector('[data-testid=preview-jp]')?.textContent?.includes('40'));
      const trace = await page.$$eval('[data-testid=preview] .trace li', (items) => items.map((li) => li.textContent));
      assert.ok(trace.length > 0);
      assert.ok(
        trace.some((step) => step.includes('[K]')),
        trace.join('\n'),
      );

      // A file that only pretends to be a PDF is refused; nothing is saved.
      await page.setInputFiles('#evidence', {
        name: 'palsu.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<html>bukan sertifikat</html>'),
      });
      await page.click('main button[type=submit]');
      await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent?.includes('PDF, JPEG atau PNG'));
      assert.equal(new URL(page.url()).pathname, '/activities/new');
      await shot(page, 'form-bad-file');

      await page.setInputFiles('#evidence', { name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.click('main button[type=submit]');
      await page.waitForURL(/\/activities\/ACT-/);
      assert.equal((await page.textContent('h1 .badge')).trim(), 'Draf');
      assert.match(await page.textContent('[data-testid=activity-jp]'), /^40 JP$/);
      state.trainingUrl = page.url().split('?')[0];
      await page.check('#declaration');
      await page.click('form[action="?/submit"] button');
      await page.waitForFunction(() => document.querySelector('h1 .badge')?.textContent?.trim() === 'Diajukan');
      await shot(page, 'activity-submitted');

      await page.goto(`${app.url}/activities`);
      const titles = await page.$$eval('tbody tr td:first-child', (cells) => cells.map((c) => c.textContent.trim()));
      assert.equal(
        titles.filter((title) => title === 'Pelatihan Teknis Perkerasan Jalan E2E').length,
        1,
        'only the accepted submission was saved',
      );
      // The file is served to its owner, with the type it really has.
      const evidence = await page.request.get(`${state.trainingUrl}/evidence`);
      assert.equal(evidence.status(), 200);
      assert.equal(evidence.headers()['content-type'], 'application/pdf');
    });

    test('an employee records coaching; the direct superior approves it ([K] III.D.5)', async () => {
      const page = pages.pegawai;
      await page.goto(`${app.url}/activities/new`);
      await page.selectOption('#method', 'coaching');
      await page.fill('#title', 'Coaching Penyusunan RAB E2E');
      await page.fill('#organizer', 'Bidang Bina Marga');
      await page.fill('#startDate', dayThisYear(3));
      await page.fill('#endDate', dayThisYear(3));
      await page.fill('#sessions', '2');
      await page.setInputFiles('#evidence', { name: 'surat-keterangan.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.waitForSelector('[data-testid=preview-jp]');
      await page.click('main button[type=submit]');
      await page.waitForURL(/\/activities\/ACT-/);
      state.coachingUrl = page.url().split('?')[0];
      await page.check('#declaration');
      await page.click('form[action="?/submit"] button');
      await page.waitForFunction(() => document.querySelector('h1 .badge')?.textContent?.trim() === 'Diajukan');

      const atasan = pages.atasan;
      await atasan.goto(`${app.url}/review`);
      await atasan.click('text=Coaching Penyusunan RAB E2E');
      await atasan.waitForURL(state.coachingUrl);
      await atasan.click('button[formaction="?/approve"]');
      await atasan.waitForSelector('p.ok[role=status]');
      assert.match(await atasan.textContent('dl.facts'), /Disetujui/);
      await shot(atasan, 'coaching-approved');
    });

    test('the unit admin verifies both, and the dashboard changes', async () => {
      const page = pages.adminunit;
      await page.goto(`${app.url}/review`);
      for (const url of [state.trainingUrl, state.coachingUrl]) {
        await page.goto(url);
        await page.click('button[formaction="?/verify"]');
        await page.waitForFunction(() => document.querySelector('h1 .badge')?.textContent?.trim() === 'Terverifikasi');
      }
      await page.goto(`${app.url}/dashboard`);
      await page.waitForSelector('[data-testid=jp-chart]');
      const belowAfter = await page.$$eval('[data-testid=below-table] tbody tr', (rows) => rows.length);
      assert.equal(belowAfter, state.belowBefore - 1);
      const nips = await page.$$eval('[data-testid=below-table] tbody tr a', (links) => links.map((a) => a.getAttribute('href')));
      assert.ok(!nips.includes(`/employees/${state.belowNip}`));
      assert.notEqual(await page.textContent('[data-testid=compliance-rate]'), state.rateBefore);
      await shot(page, 'dashboard-after');

      // The employee's Kartu Data now lists the training; its exports download.
      await page.goto(`${app.url}/employees/${state.belowNip}`);
      assert.ok((await page.textContent('main')).includes('Pelatihan Teknis Perkerasan Jalan E2E'));
      const xlsx = await page.request.get(`${app.url}/employees/${state.belowNip}/kartu?format=xlsx`);
      assert.equal(xlsx.status(), 200);
      assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
      const pdf = await page.request.get(`${app.url}/employees/${state.belowNip}/kartu?format=pdf`);
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
      await shot(page, 'kartu-data');
    });

    test('denied actions are denied', async () => {
      const page = pages.pegawai;
      for (const path of ['/dashboard', '/audit', '/admin']) {
        const response = await page.goto(`${app.url}${path}`);
        assert.equal(response.status(), 403, path);
        assert.match(await page.textContent('[role=alert]'), /tidak berwenang/);
      }
      await shot(page, 'denied');
      // Another employee's evidence does not exist for this user.
      const other = await pages['e2e-pegawai'].request.get(`${state.coachingUrl}/evidence`);
      assert.equal(other.status(), 404);
      // Through the API too: verifying is the admins' job…
      const id = state.coachingUrl.split('/').pop();
      const verify = await page.evaluate(async (activityId) => {
        const response = await fetch('/api/trpc/activities.verify', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: activityId, verified: true }),
        });
        return { status: response.status, body: await response.json() };
      }, id);
      assert.equal(verify.status, 403);
      assert.equal(verify.body.error.data.code, 'FORBIDDEN');
      // …and a request from another site is refused before anything runs.
      const cookies = await page.context().cookies();
      const session = cookies.find((c) => c.name === 'bangkom_session');
      assert.ok(session?.httpOnly, 'the session cookie is httpOnly');
      const crossSite = await fetch(`${app.url}/api/trpc/activities.withdraw`, {
        method: 'POST',
        headers: { origin: 'http://evil.example', cookie: `bangkom_session=${session.value}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id }),
      });
      assert.equal(crossSite.status, 403);
    });

    test('the HR admin checks a Tugas Belajar: unanswered facts stay unknown; the saved assessment is listed', async () => {
      const page = pages.adminsdm;
      await page.goto(`${app.url}/tubel`);
      const employee = await page.$eval('#employeeId option:nth-child(2)', (o) => o.value);
      await page.selectOption('#employeeId', employee);
      await page.click('main form button:has-text("Periksa")');
      await page.waitForSelector('[data-testid=tubel-verdict]');
      assert.match(await page.textContent('[data-testid=tubel-verdict]'), /Belum memenuhi syarat/);
      const rows = await page.$$eval('[data-testid=tubel-criteria] tbody tr', (trs) => trs.map((tr) => tr.textContent));
      assert.equal(rows.length, 18);
      assert.ok(rows.some((row) => row.includes('Belum diketahui') && row.includes('[P] art. 28f')));
      await page.selectOption('#healthCertificate', 'ya');
      await page.click('button[formaction="?/save"]');
      await page.waitForSelector('main p.ok[role=status] a');
      const healthy = await page.$$eval(
        '[data-testid=tubel-criteria] tbody tr',
        (trs) => trs.find((tr) => tr.textContent.includes('[P] art. 28f')).textContent,
      );
      assert.match(healthy, /Terpenuhi/);
      await shot(page, 'tubel');
      await pages.auditor.goto(`${app.url}/tubel`);
      assert.equal(await pages.auditor.$$eval('[data-testid=tubel-list] tbody tr', (trs) => trs.length), 1);
      assert.equal(await pages.auditor.$('#employeeId'), null, 'the auditor only reads');
    });

    test('an employee drafts next year’s plan, sees it checked, and HR approves it', async () => {
      const page = pages.pegawai;
      await page.goto(`${app.url}/plan`);
      const year = Number(await page.$eval('#year', (s) => s.value));
      await page.fill('#position', 'Pengawas Jalan dan Jembatan');
      await page.selectOption('#gapLevel', 'sedang');
      await page.selectOption('#performancePredicate', 'baik');
      await page.fill('#performanceData', 'SKP tahun lalu');
      await page.fill('#budgetAvailable', '10000000');
      await page.click('form[action="?/header"] button');
      await page.waitForSelector('p.ok[role=status]');
      await page.selectOption('#method', 'pelatihan_teknis');
      await page.fill('#title', 'Pelatihan perkerasan jalan');
      await page.fill('#organizer', 'Balai Diklat PUPR');
      await page.fill('#facilitator', 'Widyaiswara');
      await page.selectOption('#competencyType', 'teknis');
      await page.fill('#startDate', `${year}-03-02`);
      await page.fill('#endDate', `${year}-03-06`);
      await page.fill('#jp', '40');
      await page.fill('#curriculumFit', 'Sesuai standar kurikulum');
      await page.fill('#budget', '5000000');
      await page.click('form[action="?/addItem"] button');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=plan-items] tbody tr').length === 1);
      assert.match(await page.textContent('[data-testid=plan-jp]'), /^40 JP$/);
      const verdict = await page.textContent('[data-testid=plan-verdict]');
      const issues = await page.textContent('[data-testid=plan-issues]');
      assert.match(verdict, /memenuhi ketentuan/, issues);
      await shot(page, 'plan');

      const hr = pages.adminsdm;
      await hr.goto(`${app.url}/plans?year=${year}`);
      const name = await page.evaluate(() => document.querySelector('[data-testid=who]').textContent.split(' · ')[0]);
      await hr.click(`[data-testid=plans-table] a:has-text("${name}")`);
      await hr.click('form[action="?/approve"] button');
      await hr.waitForFunction(() => document.querySelector('[data-testid=plan-status]')?.textContent?.trim() === 'Disetujui');
      await page.reload();
      assert.equal(await page.$('form[action="?/addItem"]'), null, 'an approved plan is no longer edited');
    });

    test('the auditor reads the audit log', async () => {
      const page = pages.auditor;
      await page.goto(`${app.url}/audit`);
      const text = await page.textContent('[data-testid=audit-table]');
      for (const expected of [
        'activity.verified',
        'activity.approve',
        'activity.submit',
        'user.create',
        'employee.import',
        'tubel.assess',
        'plan.save',
        'plan.approve',
        'adminunit',
      ])
        assert.ok(text.includes(expected), expected);
      await shot(page, 'audit');
    });

    test('English on a phone-width screen, without sideways scrolling', async () => {
      const page = await login('atasan', { viewport: { width: 375, height: 800 } });
      await page.click('text=English');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.deepEqual(await page.$$eval('header nav a', (links) => links.map((a) => a.textContent.trim())), [
        'Home',
        'Activities',
        'Plan (IDP)',
        'Approvals',
      ]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
      await shot(page, 'phone-english');
      await page.goto(`${app.url}/activities/new`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(sideways <= 1, `form is ${sideways}px wider than the screen`);
      await shot(page, 'phone-form');
      // Fields take the width of the screen, not a sliver of it.
      const fieldWidth = await page.$eval('#title', (input) => input.getBoundingClientRect().width);
      assert.ok(fieldWidth > 250, `the title field is only ${fieldWidth}px wide`);
      // The dashboard too (the unit admin's page, at the same width).
      const admin = pages.adminunit;
      await admin.setViewportSize({ width: 375, height: 800 });
      await admin.goto(`${app.url}/dashboard`);
      const dashboardSideways = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(dashboardSideways <= 1, `dashboard is ${dashboardSideways}px wider than the screen`);
      await shot(admin, 'phone-dashboard');
    });
  });
}
