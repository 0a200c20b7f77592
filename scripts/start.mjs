// `npm start`: install if needed, then start the admin app on its embedded database with demo
// data. Until the app is present, show the command-line demo on the example office instead.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import './ensure-install.mjs';

const root = join(import.meta.dirname, '..');
const app = join(root, 'apps', 'admin', 'package.json');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
if (existsSync(app) && JSON.parse(readFileSync(app, 'utf8')).scripts?.start) {
  run('npm run start -w @bangkom/admin');
} else {
  run('npx turbo run build --filter=@bangkom/cli --output-logs=errors-only');
  run('node packages/cli/dist/cli.mjs demo examples/data/office.json');
}
