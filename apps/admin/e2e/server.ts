import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFreshDatabase } from '../test/fresh-postgres.mjs';
import { serverNodeArgs } from '../scripts/server-args.mjs';

const app = join(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** How long a start may take before the tests give up (the worker fixture allows a little more). */
export const START_BUDGET_MS = 270_000;

/**
 * Starts the built app with the demo office on a fresh database: embedded PGlite in a temporary
 * directory, or a new PostgreSQL database (dropped on stop); or on the given PostgreSQL database.
 */
export async function startApp(kind: 'pglite' | 'postgres', options: { databaseUrl?: string } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ORIGIN: url,
    BANGKOM_DEMO: '1',
    BODY_SIZE_LIMIT: '50M',
    // As `npm start` runs it: production mode (no stack traces or SQL in errors).
    NODE_ENV: 'production',
  };
  let cleanup = async () => {};
  if (options.databaseUrl) {
    // A database the caller made and drops (kept across a restart).
    env.DATABASE_URL = options.databaseUrl;
  } else if (kind === 'postgres') {
    const fresh = await createFreshDatabase('bangkom_e2e');
    env.DATABASE_URL = fresh.url;
    cleanup = fresh.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bangkom-e2e-'));
    env.BANGKOM_DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // As `npm start` runs it (on PGlite with its heap cap).
  const child = spawn(process.execPath, [...serverNodeArgs(env), join(app, 'build', 'index.js')], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  // A fresh start migrates and seeds the demo office: seconds when idle, over a minute on a
  // 2-core machine that is also building and testing everything else.
  const deadline = Date.now() + START_BUDGET_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${output}`);
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not start in ${START_BUDGET_MS / 1000} s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
      await cleanup();
    },
  };
}
