// Starts the admin app: refuses when an instance already serves the same address or data folder,
// builds the app when the build is missing or older than its sources, then runs the Node server on
// the embedded database (apps/admin/data/) with the demo office, unless DATABASE_URL points at
// PostgreSQL or BANGKOM_DEMO=0.
//   PORT (3000), HOST (127.0.0.1), ORIGIN, BANGKOM_DATA_DIR, DATABASE_URL, BANGKOM_DEMO, NODE_ENV (production)
// Messages are one bilingual line each; a problem ends with exit 1 and no stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildWithProgress } from './build-if-stale.mjs';
import { conflictingInstance, forgetInstance, recordInstance, startSettings } from './instance.mjs';
import { serverNodeArgs } from './server-args.mjs';

const app = join(import.meta.dirname, '..');
/** Stage numbering continues the root `npm start` (stage 1 installs dependencies). */
const stages = Number(process.env.BANGKOM_START_STAGES || 2);
const first = stages - 1;
/** @param {string} line */
const say = (line) => console.log(line);
/** @param {string} line */
const stop = (line) => {
  console.error(line);
  process.exit(1);
};

const settings = startSettings();
const conflict = await conflictingInstance(settings);
if (conflict) stop(conflict);

say(
  `[${first}/${stages}] Membangun aplikasi bila perlu (pertama kali: ±1–5 menit) / Building the app if needed (first run: about 1–5 minutes)…`,
);
try {
  const seconds = await buildWithProgress(say);
  say(seconds > 0 ? `      selesai dalam ${seconds} s / built in ${seconds} s` : '      sudah terbaru / up to date');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  stop('Aplikasi gagal dibangun (keluaran di atas) / The app failed to build (output above)');
}

say(`[${stages}/${stages}] Menjalankan server… / Starting the server…`);
const env = {
  ...process.env,
  // Production mode: errors reach users without stack traces or SQL (details go to this log).
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  // The address users open: forms posted from any other origin are refused (CSRF protection).
  // Behind a TLS proxy set ORIGIN=https://your.host (cookies then become Secure).
  ORIGIN: process.env.ORIGIN ?? settings.url.slice(0, -1),
  PORT: settings.port,
  HOST: settings.host,
  BANGKOM_DEMO: process.env.BANGKOM_DEMO ?? '1',
  BANGKOM_DATA_DIR: settings.dataDir,
  // Evidence files are up to 5 MiB (base64 and form overhead on top).
  BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '50M',
};
const server = spawn(process.execPath, [...serverNodeArgs(env), join(app, 'build', 'index.js')], { cwd: app, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
let exited = false;
server.on('exit', (code, signal) => {
  exited = true;
  if (!settings.postgres) forgetInstance(settings.dataDir);
  process.exit(code ?? (signal ? 1 : 0));
});

// Tell the user where to go once this server (not another one) answers.
for (let i = 0; i < 600 && !exited; i++) {
  try {
    const response = await fetch(`${settings.url}login`);
    if (response.ok && !exited) {
      if (!settings.postgres && server.pid) recordInstance(settings.dataDir, server.pid, settings.url);
      say(`\nBangkom siap / ready: ${settings.url}\n`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
