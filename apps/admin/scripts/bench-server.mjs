// What the benchmarks (bench.mjs, bench-import.mjs) share: a fresh benchmark database, SQL on it
// while no server holds it, the built server started as the deployment runs it with a sampler of
// its resident memory, a login, a probe of how long other requests wait, and the formatting.
import { spawn } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { serverNodeArgs } from './server-args.mjs';

export const app = join(import.meta.dirname, '..');
export const PASSWORD = 'bench-password-123';

export const ms = (t) => (!Number.isFinite(t) ? '—' : t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(1)} ms`);
export const mib = (kb) => `${Math.round(kb / 1024)} MiB`;
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
/** The machine's load average over the last minute: the figures beside it depend on it. */
export const load = () => loadavg()[0].toFixed(1);

/**
 * Where a benchmark keeps its data: a PostgreSQL database (dropped and created again by `fresh`)
 * or a PGlite folder under apps/admin/.bench/.
 */
export function benchDatabase({ pglite, url, dataDir }) {
  return {
    pglite,
    url,
    dataDir,
    env: pglite ? { BANGKOM_DATA_DIR: dataDir, DATABASE_URL: '' } : { DATABASE_URL: url },
    async fresh() {
      if (pglite) {
        rmSync(dataDir, { recursive: true, force: true });
        mkdirSync(dataDir, { recursive: true });
        return;
      }
      const server = new URL(url);
      const name = server.pathname.slice(1);
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected benchmark database name ${name}`);
      server.pathname = '/postgres';
      const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
    },
    /** A raw SQL client (`query` answers rows, `exec` runs a script); on PGlite only while no server holds the folder. */
    async open() {
      if (pglite) {
        const db = new PGlite(join(dataDir, 'pgdata'));
        return { query: async (text) => (await db.query(text)).rows, exec: (text) => db.exec(text), close: () => db.close() };
      }
      const client = postgres(url, { max: 1, onnotice: () => {} });
      return { query: (text) => client.unsafe(text), exec: (text) => client.unsafe(text), close: () => client.end() };
    },
  };
}

/** scrypt hash in the app's format (N = 2^17 as the app's own, so login does not rehash). */
export function hash(password) {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${2 ** 17}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * The built server (build/index.js) on the benchmark database, in production mode with the
 * deployment's BODY_SIZE_LIMIT, and a sampler of its resident memory (VmRSS every 50 ms):
 * `rss.now`, `rss.peak` (reset by a phase), `rss.max` (the whole life of the server).
 */
export async function startServer(database, port) {
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ORIGIN: origin,
    PORT: String(port),
    HOST: '127.0.0.1',
    BANGKOM_DEMO: '0',
    BODY_SIZE_LIMIT: '50M',
    ...database.env,
  };
  // Another server on the port (one left behind by an interrupted run) would answer for this one.
  const taken = await fetch(`${origin}/login`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${port} is already in use: stop the server on it first`);
  const started = performance.now();
  // As `npm start` runs it (on PGlite with its heap cap).
  const child = spawn(process.execPath, [...serverNodeArgs(env), join(app, 'build', 'index.js')], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    output += `\n[server exited: code ${code}, signal ${signal}]\n`;
  });
  const rss = { now: 0, peak: 0, max: 0 };
  const sampler = setInterval(() => {
    try {
      rss.now = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      rss.peak = Math.max(rss.peak, rss.now);
      rss.max = Math.max(rss.max, rss.now);
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
    startup: performance.now() - started,
    output: () => output,
    alive: () => !exited,
    /** Time from SIGTERM to exit (undefined when it was already gone). */
    stop: async () => {
      clearInterval(sampler);
      if (exited) return undefined;
      const t = performance.now();
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      return performance.now() - t;
    },
  };
}

export async function login(origin, username) {
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
 * A tRPC query over HTTP, as the browser's client sends it. Asked again once when the connection
 * failed (a kept-alive socket the server closed as it was reused: no answer was lost).
 */
export async function trpcGet(origin, cookie, path, input) {
  const url = `${origin}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(url, { headers: { cookie } }).catch(() => fetch(url, { headers: { cookie } }));
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body.result.data;
}

/** A tRPC mutation over HTTP. */
export async function trpcPost(origin, cookie, path, input) {
  const response = await fetch(`${origin}/api/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body.result.data;
}

/**
 * What another user sees meanwhile: a light request (`auth.me`: the session and one row) every
 * 200 ms, each answer's time kept. `mark()` starts a new phase; `take()` answers the phase's
 * times; `max` is the longest any of them waited since the probe started.
 */
export function blockingProbe(origin, cookie) {
  let running = true;
  let phase = [];
  let max = 0;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const response = await fetch(`${origin}/api/trpc/auth.me`, { headers: { cookie } });
        await response.arrayBuffer();
      } catch {
        // the server is gone: the caller notices
      }
      const took = performance.now() - t;
      phase.push(took);
      max = Math.max(max, took);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    get max() {
      return max;
    },
    take() {
      const times = phase.sort((a, b) => a - b);
      phase = [];
      return { count: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** One request read to its end: time, status and size. */
export async function get(origin, cookie, path) {
  const t = performance.now();
  const response = await fetch(origin + path, { headers: { cookie, origin }, redirect: 'manual' });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - t, status: response.status, bytes: body.byteLength };
}
