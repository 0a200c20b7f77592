// Builds the app (vite build → build/) when the build is missing or older than any of its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const app = join(import.meta.dirname, '..');
const root = join(app, '..', '..');
const built = join(app, 'build', 'handler.js');

/** Newest modification time under the given paths. @param {string[]} paths */
function newest(paths) {
  let latest = 0;
  /** @param {string} path */
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

export function buildIfStale() {
  const sources = [
    join(app, 'src'),
    join(app, 'static'),
    join(app, 'svelte.config.js'),
    join(app, 'vite.config.ts'),
    join(app, 'package.json'),
    ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'src')),
  ];
  if (existsSync(built) && newest(sources) <= statSync(built).mtimeMs) return;
  console.log('Membangun aplikasi… / Building the app…');
  execSync('npx vite build --logLevel error', { cwd: app, stdio: 'inherit' });
}
