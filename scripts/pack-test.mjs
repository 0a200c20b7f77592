/**
 * Packs every public package (`npm pack`) and installs the tarballs into a fresh ESM
 * project and a fresh CJS project, then imports each package at run time and
 * type-checks an import of it (moduleResolution node16) in both module systems.
 * Run after `turbo run build`; prints one line per check and exits non-zero on failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'bangkom-pack-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
  .filter((p) => !p.json.private);

const tarballs = {};
for (const p of packages) {
  const out = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], join(root, 'packages', p.dir)));
  tarballs[p.json.name] = join(work, out[0].filename);
  const files = out[0].files.map((f) => f.path);
  for (const needed of ['dist/index.mjs', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
    if (!files.includes(needed)) throw new Error(`${p.json.name}: tarball lacks ${needed}`);
  }
  if (files.some((f) => f.startsWith('src/'))) throw new Error(`${p.json.name}: tarball ships src/`);
}

let failures = 0;
for (const kind of ['esm', 'cjs']) {
  const dir = join(work, kind);
  mkdirSync(dir);
  const deps = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `pack-test-${kind}`, private: true, type: kind === 'esm' ? 'module' : 'commonjs', dependencies: deps }, null, 2),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], dir);
  const ext = kind === 'esm' ? 'mjs' : 'cjs';
  const tsExt = kind === 'esm' ? 'mts' : 'cts';
  const names = packages.map((p) => p.json.name);
  const runtime = names
    .map((name, i) => (kind === 'esm' ? `import * as m${i} from '${name}';` : `const m${i} = require('${name}');`))
    .concat(names.map((name, i) => `if (Object.keys(m${i}).length === 0) throw new Error('${name}: no exports');`))
    .concat([`console.log('${kind}: imported ' + ${names.length} + ' packages');`]);
  writeFileSync(join(dir, `check.${ext}`), runtime.join('\n') + '\n');
  const typed = [
    kind === 'esm' ? `import { parseNip, type LearningActivity } from '@bangkom/domain';` : `import domain = require('@bangkom/domain');`,
    ...names.map(
      (name, i) =>
        `import${kind === 'esm' ? ' * as' : ''} t${i} ${kind === 'esm' ? 'from' : '= require('}'${name}'${kind === 'esm' ? '' : ')'};`,
    ),
    kind === 'esm'
      ? `const a: LearningActivity | undefined = undefined; const r = parseNip('198503122010011004'); export const ok: boolean = r.ok && a === undefined;`
      : `const r = domain.parseNip('198503122010011004'); export const ok: boolean = r.ok;`,
    `// @ts-expect-error a wrong argument type must be caught, proving the declarations are loaded`,
    kind === 'esm' ? `parseNip(42);` : `domain.parseNip(42);`,
    `export const all = [${names.map((_, i) => `t${i}`).join(', ')}];`,
  ];
  writeFileSync(join(dir, `types.${tsExt}`), typed.join('\n') + '\n');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: [`types.${tsExt}`],
    }),
  );
  try {
    process.stdout.write(run('node', [`check.${ext}`], dir));
    run('node', [tsc, '-p', 'tsconfig.json'], dir);
    console.log(`${kind}: types of ${names.length} packages check`);
    if (kind === 'esm') {
      // The installed command, run in a folder holding no repository files: the demo office ships in the package.
      const demo = run('npx', ['--no-install', 'bangkom', 'demo'], dir);
      if (!demo.includes('Per unit kerja')) throw new Error(`bangkom demo printed:\n${demo}`);
      console.log('esm: the installed bangkom runs its demo');
    }
  } catch (error) {
    failures++;
    console.error(`${kind}: FAILED\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`pack test: ${2 - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
