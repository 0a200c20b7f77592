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
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { buildWithProgress } from './build-if-stale.mjs';

const app = join(import.meta.dirname, '..');
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
const PASSWORD = 'bench-password-123';
/** The deployment command's limit (README, "Deploying"). */
const BODY_SIZE_LIMIT = '50M';
const databaseUrl = process.env.BENCH_IMPORT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bangkom_bench_import';
const dataDir = join(app, '.bench', 'pglite-import');
const log = (line) => console.log(line);
const ms = (t) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(1)} ms`);
const mib = (kb) => `${Math.round(kb / 1024)} MiB`;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function freshDatabase() {
  if (pglite) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    return;
  }
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_IMPORT_DATABASE_URL: unexpected database name ${name}`);
  url.pathname = '/postgres';
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
}

/** Runs SQL on the benchmark database while no server holds it (PGlite allows one process). */
async function withRaw(work) {
  if (pglite) {
    const db = new PGlite(join(dataDir, 'pgdata'));
    try {
      return await work((text) => db.exec(text));
    } finally {
      await db.close();
    }
  }
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await work((text) => client.unsafe(text));
  } finally {
    await client.end();
  }
}

/** scrypt hash in the app's format (N = 2^17 as the app's own, so login does not rehash). */
function hash(password) {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${2 ** 17}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** The built server with the deployment's settings, and a sampler of its resident memory. */
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
    BODY_SIZE_LIMIT,
    ...(pglite ? { BANGKOM_DATA_DIR: dataDir, DATABASE_URL: '' } : { DATABASE_URL: databaseUrl }),
  };
  const child = spawn(process.execPath, [join(app, 'build', 'index.js')], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    output += `\n[server exited: code ${code}, signal ${signal}]\n`;
  });
  const rss = { peak: 0 };
  const sampler = setInterval(() => {
    try {
      const now = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      rss.peak = Math.max(rss.peak, now);
    } catch {
      // gone
    }
  }, 50);
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
    output: () => output,
    stop: async () => {
      clearInterval(sampler);
      if (exited) return 0;
      const t = performance.now();
      child.kill('SIGTERM');
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

const trpcGet = async (origin, cookie, path, input) => {
  const response = await fetch(`${origin}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body.result.data;
};

async function importOnce(server, cookie, file, label) {
  const { origin } = server;
  const probes = [];
  let probing = true;
  let probeError = null;
  const prober = (async () => {
    while (probing) {
      const t = performance.now();
      try {
        const response = await fetch(`${origin}/api/trpc/auth.me`, { headers: { cookie } });
        await response.arrayBuffer();
      } catch (e) {
        probing = false;
        probeError = e;
      }
      probes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
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
      if (probeError) throw probeError;
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
  probing = false;
  await prober;
  probes.sort((a, b) => a - b);
  if (job.status !== 'done') throw new Error(`The import ${job.status}: ${JSON.stringify(job.error)}`);
  const seconds = (j) => ((Date.parse(j.finishedAt) - Date.parse(j.createdAt)) / 1000).toFixed(1);
  const { changes: _changes, ...counts } = preview.result;
  log(
    `${label}: preview ${JSON.stringify(counts)} in ${seconds(preview)} s (${ms(previewed)} with the upload); ` +
      `import ${JSON.stringify(job.result)} — upload ${ms(uploaded)}, import job ${seconds(job)} s, total ${ms(total)} ` +
      `(${Math.round(N / (total / 1000))} rows/s); other requests meanwhile (${probes.length}): ` +
      `p50 ${ms(percentile(probes, 50))}, p95 ${ms(percentile(probes, 95))}, max ${ms(probes.at(-1) ?? 0)}; server peak RSS ${mib(server.rss.peak)}`,
  );
}

log(`Employee import benchmark on ${pglite ? 'PGlite' : 'PostgreSQL'}: ${N} employees in ${U} units`);
await buildWithProgress(log);
await freshDatabase();
// The first start applies the migrations; then the units and an HR admin go in by SQL.
let server = await startServer();
await server.stop();
await withRaw(async (exec) => {
  await exec(`INSERT INTO units (id, name) SELECT 'U' || lpad(u::text, 3, '0'), 'Unit Kerja ' || lpad(u::text, 3, '0') FROM generate_series(1, ${U}) u;
    INSERT INTO users (username, password_hash, role) VALUES ('benchadmin', '${hash(PASSWORD)}', 'admin_sdm');`);
});
const file = join(pglite ? dataDir : join(app, '.bench'), `employees-${N}.csv`);
mkdirSync(join(file, '..'), { recursive: true });
writeFileSync(file, employeeFile());
log(`  file: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`);
server = await startServer();
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
