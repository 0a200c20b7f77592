// Benchmark of the employee import (issue: 100,000 employees in < 60 s on PostgreSQL, < 120 s on
// PGlite, while other users' requests keep answering). Builds the app when stale, starts the
// built server on a fresh database with the deployment's settings (BODY_SIZE_LIMIT as the README
// says), uploads an employee file of N rows through the Administration page's form as an HR admin,
// follows the background job to its end, and meanwhile asks the server for a light page
// (`auth.me`) every 200 ms: their p50/p95/max is what other users saw. Prints the figures and the
// server's peak RSS; asserts nothing (they depend on the machine).
//
//   node scripts/bench-import.mjs [--pglite] [--employees 100000] [--units 40] [--again]
//
// --again imports the same file a second time (every row an update). PostgreSQL:
// BENCH_IMPORT_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bangkom_bench_import;
// dropped and created again). PGlite: a data folder under apps/admin/.bench/.
import { spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildWithProgress } from './build-if-stale.mjs';
import { app, benchDatabase, blockingProbe, hash, login, mib, ms, PASSWORD, startServer, trpcGet } from './bench-server.mjs';

const { values: args } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    employees: { type: 'string', default: '100000' },
    units: { type: 'string', default: '40' },
    again: { type: 'boolean', default: false },
    port: { type: 'string', default: '3918' },
  },
});
const pglite = args.pglite;
const N = Number(args.employees);
const U = Number(args.units);
const database = benchDatabase({
  pglite,
  url: process.env.BENCH_IMPORT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bangkom_bench_import',
  dataDir: join(app, '.bench', 'pglite-import'),
});
const log = (line) => console.log(line);

/**
 * N employees in the import template: PNS with valid 18-digit NIPs (birth date, TMT 2005-01, gender,
 * serial 001–999: the NIP layout the import checks), the first of each unit
 * everyone's superior there.
 */
function employeeFile() {
  const lines = ['NIP,Nama,Jenis Pegawai,Jabatan,Unit Kerja,Tanggal Lahir,Jenis Kelamin,NIP Atasan'];
  const person = (i) => {
    const birth = new Date(Date.UTC(1975, 0, 1 + Math.floor(i / 999))).toISOString().slice(0, 10);
    return { birth, nip: `${birth.replaceAll('-', '')}2005011${String(1 + (i % 999)).padStart(3, '0')}` };
  };
  for (let i = 0; i < N; i++) {
    const unit = i % U;
    const { birth, nip } = person(i);
    // Employee number `unit` (0 … U-1) heads that unit.
    const head = i === unit ? '' : person(unit).nip;
    lines.push(
      `${nip},Pegawai Impor ${String(i).padStart(6, '0')},PNS,Analis,Unit Kerja ${String(unit + 1).padStart(3, '0')},${birth},L,${head}`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

async function importOnce(server, cookie, file, label) {
  const { origin } = server;
  const probe = blockingProbe(origin, cookie);
  const started = performance.now();
  // The upload as a browser sends it (multipart); curl streams the file from disk.
  const status = await new Promise((resolve, reject) => {
    const curl = spawn('curl', [
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '-H',
      `origin: ${origin}`,
      '-H',
      `cookie: ${cookie}`,
      '-F',
      `file=@${file};type=text/csv`,
      `${origin}/admin?/importEmployees`,
    ]);
    let out = '';
    curl.stdout.on('data', (d) => (out += d));
    curl.on('error', reject);
    curl.on('exit', () => resolve(Number(out)));
  });
  const uploaded = performance.now() - started;
  if (!(status >= 200 && status < 400)) throw new Error(`Upload refused: ${status}`);
  // The form starts a preview (checked and compared, nothing applied); the import follows its confirmation.
  const follow = async (after) => {
    for (;;) {
      if (!server.alive()) throw new Error('The server stopped');
      const [job] = await trpcGet(origin, cookie, 'jobs.list', { kind: 'employee_import', limit: 1 });
      if (job && job.id > after && !['queued', 'running'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const preview = await follow(0);
  if (preview.status !== 'done') throw new Error(`The preview ${preview.status}: ${JSON.stringify(preview.error)}`);
  const previewed = performance.now() - started;
  const confirmed = await fetch(`${origin}/admin?/confirmImport`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie },
    body: new URLSearchParams({ jobId: String(preview.id) }),
  });
  if (!confirmed.ok) throw new Error(`Confirmation refused: ${confirmed.status}`);
  const job = await follow(preview.id);
  const total = performance.now() - started;
  await probe.stop();
  const probes = probe.take();
  if (job.status !== 'done') throw new Error(`The import ${job.status}: ${JSON.stringify(job.error)}`);
  const seconds = (j) => ((Date.parse(j.finishedAt) - Date.parse(j.createdAt)) / 1000).toFixed(1);
  const { changes: _changes, ...counts } = preview.result;
  log(
    `${label}: preview ${JSON.stringify(counts)} in ${seconds(preview)} s (${ms(previewed)} with the upload); ` +
      `import ${JSON.stringify(job.result)} — upload ${ms(uploaded)}, import job ${seconds(job)} s, total ${ms(total)} ` +
      `(${Math.round(N / (total / 1000))} rows/s); other requests meanwhile (${probes.count}): ` +
      `p50 ${ms(probes.p50)}, p95 ${ms(probes.p95)}, max ${ms(probes.max)}; server peak RSS ${mib(server.rss.peak)}`,
  );
}

log(`Employee import benchmark on ${pglite ? 'PGlite' : 'PostgreSQL'}: ${N} employees in ${U} units`);
await buildWithProgress(log);
await database.fresh();
// The first start applies the migrations; then the units and an HR admin go in by SQL.
let server = await startServer(database, Number(args.port));
await server.stop();
const raw = await database.open();
await raw.exec(`INSERT INTO units (id, name) SELECT 'U' || lpad(u::text, 3, '0'), 'Unit Kerja ' || lpad(u::text, 3, '0') FROM generate_series(1, ${U}) u;
    INSERT INTO users (username, password_hash, role) VALUES ('benchadmin', '${hash(PASSWORD)}', 'admin_sdm');`);
await raw.close();
const file = join(pglite ? database.dataDir : join(app, '.bench'), `employees-${N}.csv`);
mkdirSync(join(file, '..'), { recursive: true });
writeFileSync(file, employeeFile());
log(`  file: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`);
server = await startServer(database, Number(args.port));
try {
  const cookie = await login(server.origin, 'benchadmin');
  await importOnce(server, cookie, file, 'import (all new)');
  if (args.again) await importOnce(server, cookie, file, 'import again (all updates)');
} catch (e) {
  console.error(server.output());
  throw e;
} finally {
  const stopped = await server.stop();
  log(`  SIGTERM to exit: ${ms(stopped)}`);
}
