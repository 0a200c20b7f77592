// Builds the app (vite build → build/) when the build is missing or older than any of its sources.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const app = join(import.meta.dirname, '..');
const root = join(app, '..', '..');
const built = join(app, 'build', 'handler.js');

/** Newest modification time under the given paths (not output compiled from them, e.g. src/lib/generated). @param {string[]} paths */
function newest(paths) {
  let latest = 0;
  /** @param {string} path */
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path))
        if (entry !== 'node_modules' && entry !== 'dist' && entry !== 'generated') visit(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

export function buildIsStale() {
  const sources = [
    join(app, 'src'),
    join(app, 'static'),
    join(app, 'messages'),
    // Migrations are read at start-up from the build.
    join(app, 'drizzle'),
    join(app, 'project.inlang', 'settings.json'),
    join(app, 'svelte.config.js'),
    join(app, 'vite.config.ts'),
    join(app, 'package.json'),
    ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'src')),
  ];
  return !existsSync(built) || newest(sources) > statSync(built).mtimeMs;
}

// `svelte-kit sync` first writes .svelte-kit/tsconfig.json, which the build's tsconfig extends
// (without it the build warns "Cannot find base config file").
const SYNC = 'npx svelte-kit sync';
const BUILD = 'npx vite build --logLevel error';

/** For the browser tests' setup: builds when stale, output shown. */
export function buildIfStale() {
  if (!buildIsStale()) return;
  console.log('Membangun aplikasi… / Building the app…');
  execSync(`${SYNC} && ${BUILD}`, { cwd: app, stdio: 'inherit' });
}

/**
 * For `npm start`: builds when stale with a line of progress every `tickSeconds`; the framework's
 * own output (which suggests `npm run preview`) is shown only when the build fails.
 * Resolves to the seconds taken (0 when the build was fresh); rejects with the output on failure.
 * @param {(line: string) => void} report
 */
export async function buildWithProgress(report, tickSeconds = 30) {
  if (!buildIsStale()) return 0;
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const ticker = setInterval(() => report(`masih membangun… ${seconds()} s / still building… ${seconds()} s`), tickSeconds * 1000);
  try {
    await new Promise((resolve, reject) => {
      let text = '';
      const child = spawn(`${SYNC} && ${BUILD}`, { cwd: app, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(text || `build exited with ${code}`))));
    });
    return seconds();
  } finally {
    clearInterval(ticker);
  }
}
