// Benchmark of the admin app at ministry scale (issue: 50,000 employees / 1,000,000 activities).
// Seeds N employees in U units and M activities through SQL (generate_series, not the app's per-row
// path), builds the app when stale, starts the built server (build/index.js) on that database, logs
// in as an HR admin and prints p50/p95 of the hot pages, the monitoring export (time and the
// server's peak RSS), a concurrent run of dashboards, and the raw SQL time of the queries behind
// them (the app's overhead is the ratio).
//
//   npm run bench -w apps/admin -- [--pglite] [--employees 50000] [--activities 1000000] [--units 40]
//                                  [--runs 10] [--clients 20] [--seconds 10] [--reuse] [--no-monitoring]
//
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bangkom_bench; the
// database is dropped and created again). PGlite: a data folder under apps/admin/.bench/.
// Figures are printed, never asserted: they depend on the machine.
import { spawn } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { buildWithProgress } from './build-if-stale.mjs';

const app = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    employees: { type: 'string' },
    activities: { type: 'string' },
    units: { type: 'string', default: '40' },
    runs: { type: 'string', default: '10' },
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    year: { type: 'string', default: '2025' },
    reuse: { type: 'boolean', default: false },
    'no-monitoring': { type: 'boolean', default: false },
    port: { type: 'string', default: '3917' },
  },
});
const pglite = args.pglite;
const N = Number(args.employees ?? (pglite ? 5_000 : 50_000));
const M = Number(args.activities ?? (pglite ? 100_000 : 1_000_000));
const U = Number(args.units);
const RUNS = Number(args.runs);
const YEAR = Number(args.year);
const PASSWORD = 'bench-password-123';
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bangkom_bench';
const dataDir = join(app, '.bench', `pglite-${N}-${M}`);
const log = (line) => console.log(line);
const ms = (t) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(1)} ms`);
const mib = (kb) => `${Math.round(kb / 1024)} MiB`;

/** A raw SQL client on the benchmark database: `query(text)` returns rows. */
async function openRaw() {
  if (pglite) {
    const db = new PGlite(join(dataDir, 'pgdata'));
    return { query: async (text) => (await db.query(text)).rows, exec: (text) => db.exec(text), close: () => db.close() };
  }
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  return { query: (text) => client.unsafe(text), exec: (text) => client.unsafe(text), close: () => client.end() };
}

async function freshDatabase() {
  if (pglite) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    return;
  }
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE_URL: unexpected database name ${name}`);
  url.pathname = '/postgres';
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
}

/** scrypt hash in the app's format (N = 2^17 as the app's own, so login does not rehash). */
function hash(password) {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${2 ** 17}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Employees, units and activities in set-based SQL; the ids are deterministic. */
async function seed(raw) {
  const t0 = performance.now();
  await raw.exec(`
INSERT INTO units (id, name) SELECT 'U' || lpad(u::text, 3, '0'), 'Unit Kerja ' || lpad(u::text, 3, '0') FROM generate_series(1, ${U}) u;
INSERT INTO employees (id, kind, name, unit_id, supervisor_id, data)
SELECT id, kind, name, unit_id, NULL,
  jsonb_build_object('name', name, 'kind', kind, CASE kind WHEN 'PNS' THEN 'nip' WHEN 'PPPK' THEN 'nipppk' ELSE 'internalId' END, id,
    'unit', 'Unit Kerja ' || substr(unit_id, 2), 'positionTitle', 'Staf', 'birthPlace', 'Jakarta', 'birthDate', '1980-01-01',
    'gender', CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END)
FROM (
  SELECT i,
    CASE WHEN i % 10 = 8 THEN 'PPPK' WHEN i % 10 = 9 THEN 'TKK' ELSE 'PNS' END AS kind,
    CASE WHEN i % 10 = 9 THEN 'TKK-' || lpad(i::text, 6, '0') ELSE (198001012005011000 + i)::text END AS id,
    'Pegawai ' || lpad(i::text, 6, '0') AS name,
    'U' || lpad((1 + i % ${U})::text, 3, '0') AS unit_id
  FROM generate_series(1, ${N}) i
) e;
-- The first employee of each unit heads it and is everyone else's superior there.
UPDATE employees e SET supervisor_id = h.id,
  data = e.data || jsonb_build_object('supervisorNip', h.id)
FROM (SELECT unit_id, min(id) FILTER (WHERE kind = 'PNS') AS id FROM employees GROUP BY unit_id) h
WHERE e.unit_id = h.unit_id AND e.id <> h.id;
`);
  log(`  employees ${N} in ${U} units: ${ms(performance.now() - t0)}`);
  const t1 = performance.now();
  const chunk = 200_000;
  for (let from = 1; from <= M; from += chunk) {
    const to = Math.min(M, from + chunk - 1);
    await raw.exec(`
INSERT INTO activities (id, employee_id, status, data, supervisor_approved, updated_at)
SELECT id, employee_id, status,
  jsonb_build_object('id', id, 'nip', employee_id, 'method', method, 'title', 'Kegiatan ' || method || ' ' || i,
    'organizer', 'Balai Diklat', 'international', false, 'startDate', day, 'endDate', day, 'runByWorkUnit', false,
    'competencyType', 'teknis', 'evidence', jsonb_build_object('kind', 'sertifikat'), 'status', status)
  || CASE method WHEN 'pelatihan_teknis' THEN jsonb_build_object('statedJp', 8 + (i % 5) * 4)
                 WHEN 'kursus' THEN jsonb_build_object('programmeJp', 8 + (i % 4) * 4)
                 WHEN 'coaching' THEN jsonb_build_object('sessions', 1 + i % 3)
                 ELSE '{}'::jsonb END,
  CASE WHEN status = 'verified' THEN true END,
  timestamptz '2025-12-31' - (i || ' minutes')::interval
FROM (
  SELECT i, 'ACT-' || lpad(i::text, 8, '0') AS id,
    CASE WHEN (1 + (i * 7919) % ${N}) % 10 = 9 THEN 'TKK-' || lpad((1 + (i * 7919) % ${N})::text, 6, '0')
      ELSE (198001012005011000 + 1 + (i * 7919) % ${N})::text END AS employee_id,
    (ARRAY['pelatihan_teknis', 'kursus', 'seminar', 'coaching', 'workshop'])[1 + i % 5] AS method,
    CASE WHEN i % 100 < 62 THEN 'verified' WHEN i % 100 < 78 THEN 'submitted' WHEN i % 100 < 90 THEN 'draft' ELSE 'rejected' END AS status,
    to_char(date '${YEAR}-01-01' - ((i % 4) * 365)::int + (i % 300)::int, 'YYYY-MM-DD') AS day
  FROM generate_series(${from}::bigint, ${to}::bigint) i
) a;`);
    log(`  activities ${to}/${M}: ${ms(performance.now() - t1)}`);
  }
  await raw.exec(`
INSERT INTO users (username, password_hash, role) VALUES ('bench-admin', '${hash(PASSWORD)}', 'admin_sdm');
INSERT INTO users (username, password_hash, role, unit_id) VALUES ('bench-unit', '${hash(PASSWORD)}', 'admin_unit', 'U001');
ANALYZE;`);
  log(`  seeded in ${ms(performance.now() - t0)}`);
}

/** The built server on the benchmark database, with a sampler of its resident memory (VmRSS). */
async function startServer() {
  const port = Number(args.port);
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ORIGIN: origin,
    PORT: String(port),
    HOST: '127.0.0.1',
    BANGKOM_DEMO: '0',
    BODY_SIZE_LIMIT: '50M',
    ...(pglite ? { BANGKOM_DATA_DIR: dataDir, DATABASE_URL: '' } : { DATABASE_URL: databaseUrl }),
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(app, 'build', 'index.js')], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const rss = { now: 0, peak: 0 };
  const readRss = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      rss.now = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.peak = Math.max(rss.peak, rss.now);
    } catch {
      // gone
    }
  };
  const sampler = setInterval(readRss, 50);
  for (;;) {
    if (exited) throw new Error(`The server stopped:\n${output}`);
    try {
      if ((await fetch(`${origin}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    rss,
    startup: performance.now() - started,
    output: () => output,
    alive: () => !exited,
    stop: async () => {
      clearInterval(sampler);
      if (exited) return;
      child.kill('SIGTERM');
      const t = performance.now();
      await new Promise((r) => child.on('exit', r));
      return performance.now() - t;
    },
  };
}

async function login(origin, username) {
  const response = await fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ username, password: PASSWORD }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`Login as ${username} failed: ${response.status}`);
  return cookie;
}

/** One request read to its end: time, status and size. */
async function get(origin, cookie, path) {
  const t = performance.now();
  const response = await fetch(origin + path, { headers: { cookie, origin }, redirect: 'manual' });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - t, status: response.status, bytes: body.byteLength };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** The raw SQL behind each request (the stored totals when they exist, else what the app used to read). */
async function baselines(raw) {
  const tables = new Set((await raw.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).map((r) => r.tablename));
  const stored = tables.has('employee_year_jp');
  const queries = {
    'agency dashboard': stored
      ? `SELECT e.unit_id, count(*), count(*) FILTER (WHERE coalesce(t.jp, 0) >= 20), sum(coalesce(t.jp, 0)) FROM employees e LEFT JOIN employee_year_jp t ON t.employee_id = e.id AND t.year = ${YEAR} GROUP BY e.unit_id`
      : `SELECT a.*, e.name FROM activities a JOIN employees e ON e.id = a.employee_id`,
    'unit dashboard': stored
      ? `SELECT e.unit_id, count(*), count(*) FILTER (WHERE coalesce(t.jp, 0) >= 20), sum(coalesce(t.jp, 0)) FROM employees e LEFT JOIN employee_year_jp t ON t.employee_id = e.id AND t.year = ${YEAR} WHERE e.unit_id = 'U002' GROUP BY e.unit_id`
      : `SELECT a.* FROM activities a WHERE a.employee_id IN (SELECT id FROM employees WHERE unit_id = 'U002')`,
    'activities (all)': `SELECT a.*, e.name FROM activities a JOIN employees e ON e.id = a.employee_id ORDER BY a.updated_at DESC, a.id LIMIT 50`,
    'review queue': `SELECT a.*, e.name FROM activities a JOIN employees e ON e.id = a.employee_id WHERE a.status = 'submitted' ORDER BY a.updated_at, a.id LIMIT 50`,
    'Kartu Data': `SELECT * FROM activities WHERE employee_id = '198001012005011002'`,
  };
  const result = {};
  for (const [name, text] of Object.entries(queries)) {
    await raw.query(text);
    const times = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      const t = performance.now();
      await raw.query(text);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    result[name] = percentile(times, 50);
  }
  return result;
}

const requests = [
  ['agency dashboard', `/dashboard?year=${YEAR}`],
  ['unit dashboard', `/dashboard?year=${YEAR}&unit=U002`],
  ['activities (all)', '/activities?scope=all'],
  ['review queue', '/review'],
  ['Kartu Data', '/employees/198001012005011002'],
  ['Kartu Data XLSX', '/employees/198001012005011002/kartu?format=xlsx'],
  ['employees (/admin)', '/admin'],
];

async function main() {
  log(`Bangkom admin benchmark — ${pglite ? 'PGlite' : 'PostgreSQL'}, ${N} employees, ${M} activities, ${U} units, year ${YEAR}`);
  const reuse = args.reuse && (pglite ? existsSync(dataDir) : true);
  log('[1/4] build (when stale)');
  await buildWithProgress(log);
  if (!reuse) {
    log('[2/4] seed');
    await freshDatabase();
    // The server creates the schema (migrations) on its first start; then the data go in through SQL.
    const first = await startServer();
    await first.stop();
    const raw = await openRaw();
    await seed(raw);
    await raw.close();
  } else log('[2/4] seed: reusing the existing database');
  let baseline = {};
  {
    const raw = await openRaw();
    baseline = await baselines(raw);
    await raw.close();
  }
  log('[3/4] server');
  const server = await startServer();
  log(`  started in ${ms(server.startup)} (includes stored totals when built at start), RSS ${mib(server.rss.now)}`);
  const admin = await login(server.origin, 'bench-admin');
  const rows = [];
  for (const [name, path] of requests) {
    const first = await get(server.origin, admin, path);
    const times = [first.ms];
    for (let i = 1; i < RUNS; i++) times.push((await get(server.origin, admin, path)).ms);
    times.sort((a, b) => a - b);
    rows.push({ name, path, status: first.status, bytes: first.bytes, p50: percentile(times, 50), p95: percentile(times, 95) });
    log(
      `  ${name}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${first.status}, ${Math.round(first.bytes / 1024)} KiB)`,
    );
  }
  const exports = [];
  if (!args['no-monitoring'])
    for (const [name, path] of [
      ['monitoring XLSX, one unit', `/dashboard/monitoring?year=${YEAR}&unit=U002`],
      ['monitoring XLSX, all units', `/dashboard/monitoring?year=${YEAR}`],
    ]) {
      server.rss.peak = server.rss.now;
      const r = await get(server.origin, admin, path).catch((e) => ({ ms: NaN, status: String(e), bytes: 0 }));
      exports.push({ name, ...r, peak: server.rss.peak });
      log(`  ${name}: ${ms(r.ms)} (${r.status}, ${Math.round(r.bytes / 1024)} KiB), server peak RSS ${mib(server.rss.peak)}`);
      if (!server.alive()) break;
    }
  log('[4/4] concurrent dashboards');
  const concurrent = [];
  if (server.alive())
    for (const [name, path] of [
      ['agency dashboard', `/dashboard?year=${YEAR}`],
      ['unit dashboard', `/dashboard?year=${YEAR}&unit=U003`],
    ]) {
      const clients = Number(args.clients);
      const until = performance.now() + Number(args.seconds) * 1000;
      const times = [];
      let errors = 0;
      server.rss.peak = server.rss.now;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < until) {
            const r = await get(server.origin, admin, path).catch(() => ({ status: 0, ms: 0 }));
            if (r.status !== 200) errors++;
            else times.push(r.ms);
          }
        }),
      );
      times.sort((a, b) => a - b);
      const row = {
        name,
        clients,
        answered: times.length,
        errors,
        p50: percentile(times, 50) ?? NaN,
        p95: percentile(times, 95) ?? NaN,
        peak: server.rss.peak,
      };
      concurrent.push(row);
      log(
        `  ${clients} clients, ${name}: ${row.answered} answered, ${errors} errors, p50 ${ms(row.p50)}, p95 ${ms(row.p95)}, peak RSS ${mib(row.peak)}`,
      );
      if (!server.alive()) break;
    }
  const shutdown = await server.stop();
  log(`  shutdown after SIGTERM: ${shutdown === undefined ? 'server already gone' : ms(shutdown)}`);

  log(`\n| request | p50 | p95 | raw SQL p50 | ratio | size |`);
  log(`|---|---|---|---|---|---|`);
  for (const r of rows) {
    const b = baseline[r.name];
    log(
      `| ${r.name} \`${r.path}\` | ${ms(r.p50)} | ${ms(r.p95)} | ${b === undefined ? '—' : ms(b)} | ${b === undefined ? '—' : (r.p50 / b).toFixed(1) + '×'} | ${Math.round(r.bytes / 1024)} KiB |`,
    );
  }
  for (const e of exports)
    log(`| ${e.name} | ${ms(e.ms)} | — | — | — | ${Math.round(e.bytes / 1024)} KiB, status ${e.status}, peak RSS ${mib(e.peak)} |`);
  for (const c of concurrent)
    log(
      `| ${c.clients} clients × ${args.seconds} s, ${c.name} | ${ms(c.p50)} | ${ms(c.p95)} | — | — | ${c.answered} answered, ${c.errors} errors, peak RSS ${mib(c.peak)} |`,
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
