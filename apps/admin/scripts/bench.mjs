// Benchmark of the admin app at ministry scale (issue: 50,000 employees / 1,000,000 activities).
// Seeds N employees in U units and M activities through SQL (generate_series, not the app's per-row
// path), builds the app when stale, starts the built server (build/index.js) on that database,
// waits until the stored JP is complete, logs in as an HR admin and prints, each beside its target
// and the machine's load average: p50/p95 of the hot pages, the monitoring export of all units as
// the background job the dashboard starts (time and the server's peak RSS), concurrent clients on
// the dashboards, the raw SQL time of the queries behind the pages (the app's overhead is the
// ratio), the longest any other request waited meanwhile, and the server's largest RSS.
//
//   npm run bench -w apps/admin -- [--pglite] [--employees 50000] [--activities 1000000] [--units 40]
//                                  [--runs 10] [--clients 20] [--seconds 10] [--reuse] [--prepare] [--no-monitoring]
//
// --prepare stops once the database is seeded and its stored JP complete (minutes at 1,000,000
// activities); a later run with --reuse then measures at once.
//
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bangkom_bench; the
// database is dropped and created again). PGlite: a data folder under apps/admin/.bench/.
// Figures are printed, never asserted: they depend on the machine.
import { existsSync } from 'node:fs';
import { DEFAULT_PROFILE_ID, jpBands, resolveProfiles, versionInForce } from '@bangkom/jp';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { activitySlices, employeesSql } from './bench-seed.mjs';
import { buildWithProgress } from './build-if-stale.mjs';
import {
  app,
  benchDatabase,
  blockingProbe,
  get,
  hash,
  load,
  login,
  mib,
  ms,
  PASSWORD,
  percentile,
  startServer,
  trpcGet,
  trpcPost,
} from './bench-server.mjs';

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
    prepare: { type: 'boolean', default: false },
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
const database = benchDatabase({
  pglite,
  url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bangkom_bench',
  dataDir: join(app, '.bench', `pglite-${N}-${M}`),
});
const log = (line) => console.log(line);

/**
 * The issue's targets on this machine (PostgreSQL at 50,000 / 1,000,000, PGlite at 5,000 /
 * 100,000), in ms or KiB; `undefined` where the issue sets none.
 */
const targets = pglite
  ? { 'agency dashboard': 1000, 'agency dashboard after a write': 1000, blocked: 1000, rss: 600 * 1024 }
  : {
      'agency dashboard': 300,
      'agency dashboard after a write': 300,
      'unit dashboard': 100,
      'unit dashboard after a write': 100,
      'activities (all)': 150,
      'review queue': 150,
      'employees (/admin)': 150,
      monitoring: 30_000,
      monitoringRss: 500 * 1024,
      concurrent: 1000,
      rss: 600 * 1024,
    };
const verdict = (value, target) => (target === undefined || !Number.isFinite(value) ? '' : value < target ? 'met' : 'MISSED');
const targetMs = (name) => (targets[name] === undefined ? '—' : `< ${ms(targets[name])}`);

/** Units, employees, activities and two accounts in set-based SQL (./bench-seed.mjs). */
async function seed(raw) {
  const t0 = performance.now();
  await raw.exec(employeesSql({ employees: N, units: U }));
  log(`  employees ${N} in ${U} units: ${ms(performance.now() - t0)}`);
  const t1 = performance.now();
  for (const slice of activitySlices({ employees: N, activities: M, year: YEAR })) {
    await raw.exec(slice.sql);
    log(`  activities ${slice.to}/${M}: ${ms(performance.now() - t1)}`);
  }
  await raw.exec(`
INSERT INTO users (username, password_hash, role) VALUES ('bench-admin', '${hash(PASSWORD)}', 'admin_sdm');
INSERT INTO users (username, password_hash, role, unit_id) VALUES ('bench-unit', '${hash(PASSWORD)}', 'admin_unit', 'U001');`);
  // As autovacuum would after a bulk load (PGlite has none; a PostgreSQL's may be off, as on CI machines).
  await raw.exec('VACUUM ANALYZE');
  log(`  seeded in ${ms(performance.now() - t0)}`);
}

/** The activity the "after a write" rows override: a verified training of a PNS in unit U002. */
async function overrideTarget(raw) {
  const [row] = await raw.query(`SELECT a.id FROM activities a JOIN employees e ON e.id = a.employee_id
    WHERE e.unit_id = 'U002' AND e.kind = 'PNS' AND a.status = 'verified' AND a.data->>'method' = 'pelatihan_teknis' ORDER BY a.id LIMIT 1`);
  return row.id;
}

/**
 * The raw SQL behind each page (the sum of a page's queries). For the dashboards it is the
 * computation of their figures from every employee of the scope, which the stored figures of each
 * unit replace: there the ratio shows what storing them saves.
 */
async function baselines(raw) {
  // The obligations of the year as the app takes them: the version of the database's rule profile
  // in force at the year's end ([P] art. 19(2); TKK without one, [K] I.E.16b–c), and its JP bands.
  const setting = (await raw.query(`SELECT value FROM settings WHERE key = 'ruleProfile'`))[0]?.value;
  const versions = resolveProfiles(typeof setting === 'string' ? setting : DEFAULT_PROFILE_ID);
  if (!versions.ok) throw new Error(`the rule profile ${setting} cannot be loaded`);
  const profile = versionInForce(versions.value, `${YEAR}-12-31`) ?? versions.value.at(-1);
  const ob = ['PNS', 'PPPK', 'TKK']
    .map((k) => `('${k}', ${profile.obligations[k].requiredJp}::numeric, ${profile.obligations[k].maxJp ?? 'NULL'}::numeric)`)
    .join(', ');
  const bandCounts = jpBands(profile.obligations.PNS.requiredJp)
    .map((b) => `count(*) FILTER (WHERE required > 0 AND jp >= ${b.from}${b.to === null ? '' : ` AND jp < ${b.to}`})`)
    .join(', ');
  const perEmployee = (unit) => `WITH ob(kind, required, cap) AS (VALUES ${ob}),
    s AS (SELECT e.id, e.name, e.kind, e.unit_id, coalesce(t.jp, 0) AS jp, ob.required,
        (coalesce(t.jp, 0) >= ob.required AND (ob.cap IS NULL OR coalesce(t.jp, 0) <= ob.cap)) AS compliant
      FROM employees e JOIN ob ON ob.kind = e.kind LEFT JOIN employee_year_jp t ON t.employee_id = e.id AND t.year = ${YEAR}
      ${unit ? `WHERE e.unit_id = '${unit}'` : ''})`;
  // The app's two queries (every count per unit in one pass; the below-obligation page); the list
  // of activities with problems is read only when the stored totals count some (none here).
  const dashboard = (unit) => [
    `${perEmployee(unit)} SELECT unit_id, count(*) FILTER (WHERE required > 0), count(*) FILTER (WHERE required > 0 AND compliant),
      sum(jp) FILTER (WHERE required > 0), count(*) FILTER (WHERE required = 0), ${bandCounts} FROM s GROUP BY unit_id`,
    `${perEmployee(unit)} SELECT id, name, greatest(0, required - jp), count(*) OVER () FROM s WHERE required > 0 AND NOT compliant
      ORDER BY greatest(0, required - jp) DESC, name, id LIMIT 200`,
  ];
  const queries = {
    'agency dashboard': dashboard(undefined),
    'unit dashboard': dashboard('U002'),
    'activities (all)': [
      `SELECT a.*, e.name FROM activities a JOIN employees e ON e.id = a.employee_id ORDER BY a.updated_at DESC, a.id LIMIT 51`,
    ],
    'review queue': [
      `SELECT a.*, e.name FROM activities a JOIN employees e ON e.id = a.employee_id WHERE a.status = 'submitted'
        ORDER BY coalesce(a.submitted_at, a.updated_at), a.id LIMIT 50`,
      `SELECT count(*) FROM (SELECT a.id FROM activities a JOIN employees e ON e.id = a.employee_id WHERE a.status = 'submitted'
        ORDER BY coalesce(a.submitted_at, a.updated_at), a.id LIMIT 1001) q`,
    ],
    'Kartu Data': [`SELECT * FROM activities WHERE employee_id = '198001012005011002'`],
    'employees (/admin)': [`SELECT * FROM employees ORDER BY name, id LIMIT 100`],
  };
  const result = {};
  for (const [name, texts] of Object.entries(queries)) {
    const once = async () => {
      const t = performance.now();
      for (const text of texts) await raw.query(text);
      return performance.now() - t;
    };
    await once();
    const times = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) times.push(await once());
    times.sort((a, b) => a - b);
    result[name] = percentile(times, 50);
  }
  return result;
}

/**
 * The pages timed, each after one untimed request (a deployed server has compiled its code and
 * loaded the page's modules). A dashboard is shared from a cache until the next write, so each is
 * also timed right after a write (a JP override of one activity in unit U002: the employee's
 * stored JP and that unit's figures change): what the first reader after someone's change waits.
 */
const requests = [
  ['agency dashboard', `/dashboard?year=${YEAR}`],
  ['agency dashboard after a write', `/dashboard?year=${YEAR}`, { afterWrite: true }],
  ['unit dashboard', `/dashboard?year=${YEAR}&unit=U002`],
  ['unit dashboard after a write', `/dashboard?year=${YEAR}&unit=U002`, { afterWrite: true }],
  ['activities (all)', '/activities?scope=all'],
  ['review queue', '/review'],
  ['home (HR admin: what waits)', '/'],
  ['Kartu Data', '/employees/198001012005011002'],
  ['Kartu Data XLSX', '/employees/198001012005011002/kartu?format=xlsx'],
  ['employees (/admin)', '/admin'],
];

/** Waits until the server's background recomputation has stored the JP of everyone (the dashboard's `pending`). */
async function storedJpReady(server, cookie) {
  const t = performance.now();
  let said = 0;
  for (;;) {
    const { pending } = await trpcGet(server.origin, cookie, 'compliance.dashboard', { year: YEAR });
    if (pending === 0) return performance.now() - t;
    if (!server.alive()) throw new Error(`The server stopped:\n${server.output()}`);
    if (performance.now() - said > 30_000) {
      said = performance.now();
      log(`  stored JP: ${pending} employees pending (${ms(performance.now() - t)}, load ${load()})`);
    }
    await new Promise((r) => setTimeout(r, 5000));
  }
}

/** The monitoring sheet of all units as the dashboard asks for it: a background job, then its download. */
async function monitoringJob(server, cookie) {
  const t = performance.now();
  const { id } = await trpcPost(server.origin, cookie, 'jobs.exportMonitoring', { year: YEAR, format: 'xlsx' });
  let job;
  for (;;) {
    job = await trpcGet(server.origin, cookie, 'jobs.get', { id });
    if (!['queued', 'running'].includes(job.status)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (job.status !== 'done') return { ms: performance.now() - t, status: job.status, bytes: 0 };
  const file = await get(server.origin, cookie, `/jobs/${id}/file`);
  return { ms: performance.now() - t, status: file.status, bytes: file.bytes };
}

async function main() {
  log(`Bangkom admin benchmark — ${pglite ? 'PGlite' : 'PostgreSQL'}, ${N} employees, ${M} activities, ${U} units, year ${YEAR}`);
  const reuse = args.reuse && (pglite ? existsSync(database.dataDir) : true);
  log('[1/5] build (when stale)');
  await buildWithProgress(log);
  const port = Number(args.port);
  if (!reuse) {
    log('[2/5] seed');
    await database.fresh();
    // The server creates the schema (migrations) on its first start; then the data go in through SQL.
    const first = await startServer(database, port);
    await first.stop();
    const raw = await database.open();
    await seed(raw);
    await raw.close();
  } else log('[2/5] seed: reusing the existing database');
  log(`[3/5] server, stored JP (load ${load()})`);
  let server = await startServer(database, port);
  log(`  started in ${ms(server.startup)}, RSS ${mib(server.rss.now)}`);
  const admin = await login(server.origin, 'bench-admin');
  const computing = await storedJpReady(server, admin);
  log(`  stored JP complete after ${ms(computing)} more (server peak RSS meanwhile ${mib(server.rss.peak)})`);
  if (args.prepare) {
    await server.stop();
    return;
  }
  // Raw SQL baselines on the same data; on PGlite the folder is free only while the server is stopped.
  let baseline;
  let overridden;
  if (pglite) await server.stop();
  {
    const raw = await database.open();
    baseline = await baselines(raw);
    overridden = await overrideTarget(raw);
    await raw.close();
  }
  if (pglite) server = await startServer(database, port);
  const cookie = await login(server.origin, 'bench-admin');
  const other = await login(server.origin, 'bench-unit');
  server.rss.max = server.rss.now;
  const probe = blockingProbe(server.origin, other);

  log(`[4/5] pages, ${RUNS} runs each`);
  const rows = [];
  for (const [name, path, { afterWrite = false } = {}] of requests) {
    const first = await get(server.origin, cookie, path);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      // The write: a JP override of one activity in unit U002, through the app (the employee's
      // stored JP is recomputed in its transaction; the next dashboard computes that unit again).
      if (afterWrite)
        await trpcPost(server.origin, cookie, 'activities.overrideJp', {
          id: overridden,
          jp: 2 + (i % 2),
          reason: 'Sesuai daftar hadir',
          confirmAboveRule: true,
        });
      times.push((await get(server.origin, cookie, path)).ms);
    }
    times.sort((a, b) => a - b);
    const row = {
      name,
      path,
      status: first.status,
      bytes: first.bytes,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      load: load(),
    };
    rows.push(row);
    log(`  ${name}: p50 ${ms(row.p50)}, p95 ${ms(row.p95)} (${row.status}, ${Math.round(row.bytes / 1024)} KiB), load ${row.load}`);
  }
  const pagesProbe = probe.take();
  let monitoring;
  if (!args['no-monitoring']) {
    server.rss.peak = server.rss.now;
    const r = await monitoringJob(server, cookie).catch((e) => ({ ms: NaN, status: `${e} ${e.cause ?? ''}`, bytes: 0 }));
    monitoring = { ...r, peak: server.rss.peak, probe: probe.take(), load: load() };
    log(
      `  monitoring XLSX of all units (job): ${ms(r.ms)} (${r.status}, ${Math.round(r.bytes / 1024)} KiB), server peak RSS ${mib(monitoring.peak)}, ` +
        `other requests waited up to ${ms(monitoring.probe.max)}, load ${monitoring.load}`,
    );
  }
  log('[5/5] concurrent dashboards');
  const concurrent = [];
  for (const [name, path] of [
    ['agency dashboard', `/dashboard?year=${YEAR}`],
    ['unit dashboard', `/dashboard?year=${YEAR}&unit=U003`],
  ]) {
    if (!server.alive()) break;
    const clients = Number(args.clients);
    const until = performance.now() + Number(args.seconds) * 1000;
    const times = [];
    let errors = 0;
    const kinds = new Set();
    server.rss.peak = server.rss.now;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          const r = await get(server.origin, cookie, path).catch((e) => ({ status: `${e.cause ?? e}`, ms: 0 }));
          if (r.status !== 200) {
            errors++;
            kinds.add(String(r.status));
          } else times.push(r.ms);
        }
      }),
    );
    times.sort((a, b) => a - b);
    const row = {
      name,
      clients,
      answered: times.length,
      errors,
      kinds: [...kinds].join('; '),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      peak: server.rss.peak,
      probe: probe.take(),
      load: load(),
    };
    concurrent.push(row);
    log(
      `  ${clients} clients, ${name}: ${row.answered} answered, ${errors} errors${row.kinds ? ` (${row.kinds})` : ''}, p50 ${ms(row.p50)}, p95 ${ms(row.p95)}, ` +
        `peak RSS ${mib(row.peak)}, load ${row.load}`,
    );
  }
  await probe.stop();
  const rssMax = server.rss.max;
  const shutdown = await server.stop();
  log(`  shutdown after SIGTERM: ${shutdown === undefined ? 'server already gone' : ms(shutdown)}`);

  log(
    `\n${pglite ? 'PGlite' : 'PostgreSQL'}, ${N} employees / ${M} activities (targets: the issue's, for ${pglite ? '5,000 / 100,000' : '50,000 / 1,000,000'})\n`,
  );
  log(`| figure | p50 | p95 | target | | raw SQL p50 | ratio | load | note |`);
  log(`|---|---|---|---|---|---|---|---|---|`);
  for (const r of rows) {
    const b = baseline[r.name.replace(' after a write', '')];
    log(
      `| ${r.name} \`${r.path}\` | ${ms(r.p50)} | ${ms(r.p95)} | p95 ${targetMs(r.name)} | ${verdict(r.p95, targets[r.name])} | ` +
        `${b === undefined ? '—' : ms(b)} | ${b === undefined ? '—' : (r.p50 / b).toFixed(1) + '×'} | ${r.load} | ${r.status}, ${Math.round(r.bytes / 1024)} KiB |`,
    );
  }
  if (monitoring) {
    const met = [verdict(monitoring.ms, targets.monitoring), verdict(monitoring.peak, targets.monitoringRss)].filter(Boolean);
    log(
      `| monitoring XLSX, all units (job + download) | ${ms(monitoring.ms)} | — | ${targets.monitoring ? `< ${ms(targets.monitoring)}, RSS < ${mib(targets.monitoringRss)}` : '—'} | ` +
        `${met.includes('MISSED') ? 'MISSED' : met.length ? 'met' : ''} | — | — | ${monitoring.load} | status ${monitoring.status}, ${Math.round(monitoring.bytes / 1024)} KiB, server peak RSS ${mib(monitoring.peak)} |`,
    );
  }
  for (const c of concurrent) {
    const met = c.errors === 0 ? verdict(c.p95, targets.concurrent) : 'MISSED';
    log(
      `| ${c.clients} clients × ${args.seconds} s, ${c.name} | ${ms(c.p50)} | ${ms(c.p95)} | ${targets.concurrent ? `p95 < ${ms(targets.concurrent)}, 0 errors` : '—'} | ` +
        `${targets.concurrent ? met : ''} | — | — | ${c.load} | ${c.answered} answered, ${c.errors} errors${c.kinds ? ` (${c.kinds})` : ''}, peak RSS ${mib(c.peak)} |`,
    );
  }
  const phases = [
    ['pages', pagesProbe],
    ...(monitoring ? [['monitoring export', monitoring.probe]] : []),
    ...concurrent.map((c) => [`${c.clients} clients, ${c.name}`, c.probe]),
  ];
  const waited = Math.max(...phases.map(([, p]) => p.max).filter(Number.isFinite));
  log(
    `| longest wait of another user's request (\`auth.me\` every 200 ms) | — | — | ${targets.blocked ? `< ${ms(targets.blocked)}` : '—'} | ` +
      `${verdict(waited, targets.blocked)} | — | — | ${load()} | ${phases.map(([name, p]) => `${name}: max ${ms(p.max)}`).join('; ')} |`,
  );
  log(
    `| server RSS, largest through the run | ${mib(rssMax)} | — | < ${mib(targets.rss)} | ${verdict(rssMax, targets.rss)} | — | — | ${load()} | |`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
