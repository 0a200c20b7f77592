// `npm start`: refuse when Bangkom already runs here, install if needed, then start the admin app
// on its embedded database with demo data (apps/admin/scripts/start.mjs builds it when needed).
// One bilingual line per stage; a problem ends with one line and exit 1, never a stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { conflictingInstance } from '../apps/admin/scripts/instance.mjs';

const root = join(import.meta.dirname, '..');

// Before anything slow: a second `npm start` names the running one and stops.
const conflict = await conflictingInstance();
if (conflict) {
  console.error(conflict);
  process.exit(1);
}

console.log('[1/3] Memeriksa dependensi (pertama kali: ±1–2 menit) / Checking dependencies (first run: about 1–2 minutes)…');
try {
  await import('./ensure-install.mjs');
} catch {
  console.error('Pemasangan dependensi gagal (keluaran di atas) / Installing dependencies failed (output above)');
  process.exit(1);
}

// Run the app's start script directly (not through `npm run`, whose lifecycle errors would bury
// the app's own message), forwarding Ctrl-C.
const child = spawn(process.execPath, [join(root, 'apps', 'admin', 'scripts', 'start.mjs')], {
  cwd: join(root, 'apps', 'admin'),
  env: { ...process.env, BANGKOM_START_STAGES: '3' },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
