// Starts the admin app: builds it when the build is missing or older than its sources, then runs
// the Node server on the embedded database (apps/admin/data/) with the demo office, unless
// DATABASE_URL points at PostgreSQL or BANGKOM_DEMO=0.
//   PORT (3000), HOST (127.0.0.1), ORIGIN, BANGKOM_DATA_DIR, DATABASE_URL, BANGKOM_DEMO, NODE_ENV (production)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

const app = join(import.meta.dirname, '..');
buildIfStale();

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`;
const env = {
  ...process.env,
  // Production mode: errors reach users without stack traces or SQL (details go to this log).
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  // The address users open: forms posted from any other origin are refused (CSRF protection).
  // Behind a TLS proxy set ORIGIN=https://your.host (cookies then become Secure).
  ORIGIN: process.env.ORIGIN ?? url.slice(0, -1),
  PORT: port,
  HOST: host,
  BANGKOM_DEMO: process.env.BANGKOM_DEMO ?? '1',
  BANGKOM_DATA_DIR: process.env.BANGKOM_DATA_DIR ?? join(app, 'data'),
  // Evidence files are up to 5 MiB (base64 and form overhead on top).
  BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '8M',
};
const server = spawn(process.execPath, [join(app, 'build', 'index.js')], { cwd: app, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// Tell the user where to go once the server answers.
for (let i = 0; i < 600; i++) {
  try {
    const response = await fetch(`${url}login`);
    if (response.ok) {
      console.log(`\nBangkom siap / ready: ${url}\n`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
