// End-to-end tests: build the app if stale, then drive it in Debian's Chromium (playwright-core)
// on the embedded database and on PostgreSQL. Screenshots go to test-results/e2e/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale } from '../scripts/build-if-stale.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
buildIfStale();
const result = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-concurrency=1', join(import.meta.dirname, 'app.test.mjs')],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
