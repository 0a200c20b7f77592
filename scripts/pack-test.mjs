/**
 * What a consumer of the published packages gets, checked from the tarballs (`npm pack`, which
 * runs scripts/pack-manifest.mjs). Run after `turbo run build`; prints one line per check and
 * exits non-zero on any failure.
 *
 * 1. Each tarball: LICENSE, README, the files every export points at, no `src/`, a manifest
 *    without the dev-only `@bangkom/source` condition, with keywords/homepage/bugs/repository;
 *    packing leaves the working tree as it was.
 * 2. Install size: each package alone in a fresh project (its in-repo dependencies from their
 *    tarballs). Prints packages and MB; fails when a light package pulls exceljs or pdfkit
 *    (they are optional peers of `@bangkom/myasn/documents` only), when `@bangkom/jp` brings
 *    more than 5 packages, or when the core entry does not load without them.
 * 3. Every package, subpath (`./documents`), profile, data file and schema, imported at run time
 *    and type-checked (moduleResolution node16) from a fresh ESM project and a fresh CJS project,
 *    with zod installed at the lowest version the peer range allows (the tested floor); there,
 *    with exceljs and pdfkit installed, importing only `reconcile` from `@bangkom/myasn` loads neither.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'bangkom-pack-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
/** npm installs wait mostly on the network and the cache: a few run side by side. */
const INSTALL_CONCURRENCY = 3;
const npmInstall = (dir) =>
  promisify(execFile)('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
  });

/** Runs `task` over `items`, at most `limit` at a time; results in the order of `items`. */
async function pool(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]).then(
        (value) => ({ value }),
        (error) => ({ error }),
      );
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** Packages that must install and load without exceljs/pdfkit. */
const LIGHT = [
  '@bangkom/domain',
  '@bangkom/jp',
  '@bangkom/idp',
  '@bangkom/tubel',
  '@bangkom/ipasn',
  '@bangkom/myasn',
  '@bangkom/events',
  '@bangkom/schemas',
];
const HEAVY = ['exceljs', 'pdfkit'];
const MAX_JP_PACKAGES = 5;

let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`FAIL ${message}`);
};

const publicDirs = [...readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d)), join(root, 'schemas')];
const packages = publicDirs
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter((p) => !p.json.private);
const names = packages.map((p) => p.json.name);
const isCode = (p) => p.json.name !== '@bangkom/schemas';

/** Every (subpath, target) pair of an `exports` map, conditions flattened. */
function exportTargets(exports, subpath = '.') {
  if (typeof exports === 'string') return [[subpath, exports]];
  return Object.entries(exports).flatMap(([key, value]) => exportTargets(value, key.startsWith('.') ? key : subpath));
}

// 1. Tarballs.
const tarballs = {};
const manifests = {};
for (const p of packages) {
  const before = readFileSync(join(p.dir, 'package.json'), 'utf8');
  const out = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], p.dir));
  const name = p.json.name;
  tarballs[name] = join(work, out[0].filename);
  const files = out[0].files.map((f) => f.path);
  const packed = JSON.parse(run('tar', ['-xzOf', tarballs[name], 'package/package.json'], work));
  manifests[name] = packed;
  if (readFileSync(join(p.dir, 'package.json'), 'utf8') !== before) fail(`${name}: packing changed package.json`);
  if (existsSync(join(p.dir, 'LICENSE')) || existsSync(join(p.dir, '.package.json.prepack'))) fail(`${name}: packing left files behind`);
  for (const needed of ['LICENSE', 'README.md', 'package.json']) if (!files.includes(needed)) fail(`${name}: tarball lacks ${needed}`);
  if (files.some((f) => f.startsWith('src/'))) fail(`${name}: tarball ships src/`);
  if (JSON.stringify(packed).includes('@bangkom/source')) fail(`${name}: packed manifest keeps the @bangkom/source condition`);
  if (packed.scripts?.prepack || packed.scripts?.postpack) fail(`${name}: packed manifest keeps prepack/postpack`);
  for (const field of ['keywords', 'homepage', 'bugs', 'repository']) if (!packed[field]) fail(`${name}: manifest lacks ${field}`);
  if (!packed.repository?.directory) fail(`${name}: repository.directory missing`);
  for (const folder of (packed.files ?? []).filter((f) => ['profiles', 'data'].includes(f))) {
    if (!packed.exports?.[`./${folder}/*`]) fail(`${name}: ships ${folder}/ without exporting ./${folder}/*`);
  }
  for (const [subpath, target] of exportTargets(packed.exports)) {
    const path = target.replace(/^\.\//, '');
    const present = path.endsWith('*') ? files.some((f) => f.startsWith(path.slice(0, -1))) : files.includes(path);
    if (!present) fail(`${name}: export ${subpath} points at ${target}, not in the tarball`);
  }
  console.log(`tarball ${name}: ${files.length} files, ${(out[0].unpackedSize / 1e6).toFixed(2)} MB unpacked`);
}

/** A fresh project depending on `deps`, with every in-repo package taken from its tarball. */
async function project(dir, type, deps) {
  mkdirSync(dir);
  const overrides = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'pack-test', private: true, type, dependencies: deps, overrides }, null, 2),
  );
  await npmInstall(dir);
  return dir;
}

function installedPackages(dir) {
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8'));
  return Object.keys(lock.packages)
    .filter((key) => key.startsWith('node_modules/') && !lock.packages[key].link)
    .map((key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

function bytesUnder(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + bytesUnder(join(path, entry)), 0);
}

// 2. Install size of each package alone.
const alone = await pool(names, INSTALL_CONCURRENCY, (name) =>
  project(join(work, `alone-${name.replace('@bangkom/', '')}`), 'module', { [name]: `file:${tarballs[name]}` }),
);
for (const [i, name] of names.entries()) {
  if (alone[i].error) {
    fail(`${name}: install alone\n${alone[i].error.stderr ?? alone[i].error.message}`);
    continue;
  }
  const dir = alone[i].value;
  const installed = installedPackages(dir);
  const mb = bytesUnder(join(dir, 'node_modules')) / 1e6;
  console.log(`install ${name} alone: ${installed.length} packages, ${mb.toFixed(1)} MB`);
  if (LIGHT.includes(name)) {
    const heavy = installed.filter((pkg) => HEAVY.includes(pkg));
    if (heavy.length > 0) fail(`${name} pulls ${heavy.join(', ')}`);
  }
  if (name === '@bangkom/jp' && installed.length > MAX_JP_PACKAGES)
    fail(`@bangkom/jp brings ${installed.length} packages (> ${MAX_JP_PACKAGES})`);
  if (isCode(packages.find((p) => p.json.name === name))) {
    try {
      run(
        'node',
        ['--input-type=module', '-e', `const m = await import('${name}'); if (Object.keys(m).length === 0) throw new Error('no exports');`],
        dir,
      );
    } catch (error) {
      fail(`${name}: core entry does not load in a project of its own\n${error.stderr ?? error.message}`);
    }
  }
}

/**
 * In a project where exceljs and pdfkit ARE installed, a consumer importing only `reconcile` from
 * `@bangkom/myasn` loads neither (the documents entry, as a control, loads both): ESM through a
 * resolve hook that names each module of theirs resolved, CJS through `require.cache`.
 */
function lightEntryCheck(dir, kind) {
  const heavyModule = String.raw`[\\/]node_modules[\\/](exceljs|pdfkit)[\\/]`;
  const loaded = (entry, name) => {
    if (kind === 'esm') {
      writeFileSync(
        join(dir, 'heavy-hook.mjs'),
        `export async function resolve(s, c, next) { const r = await next(s, c); if (/${heavyModule}/.test(r.url)) console.error('HEAVY ' + r.url); return r; }\n`,
      );
      writeFileSync(
        join(dir, 'heavy-register.mjs'),
        `import { register } from 'node:module';\nregister('./heavy-hook.mjs', import.meta.url);\n`,
      );
      writeFileSync(
        join(dir, 'light.mjs'),
        `import { ${name} } from '${entry}';\nif (typeof ${name} !== 'function') throw new Error('${name}');\n`,
      );
      return stderrOf(dir, ['--import', './heavy-register.mjs', 'light.mjs']);
    }
    writeFileSync(
      join(dir, 'light.cjs'),
      `const { ${name} } = require('${entry}');\nif (typeof ${name} !== 'function') throw new Error('${name}');\n` +
        `console.error(Object.keys(require.cache).filter((k) => /${heavyModule}/.test(k)).map((k) => 'HEAVY ' + k).join('\\n'));\n`,
    );
    return stderrOf(dir, ['light.cjs']);
  };
  const core = loaded('@bangkom/myasn', 'reconcile');
  if (core.includes('HEAVY')) fail(`${kind}: importing reconcile from @bangkom/myasn loads exceljs/pdfkit:\n${core}`);
  const documents = loaded('@bangkom/myasn/documents', 'kartuDataXlsx');
  if (!/HEAVY.*exceljs/.test(documents) || !/HEAVY.*pdfkit/.test(documents))
    fail(`${kind}: the check cannot see exceljs/pdfkit load from @bangkom/myasn/documents:\n${documents}`);
  else console.log(`${kind}: importing reconcile from @bangkom/myasn loads neither exceljs nor pdfkit`);
}

/** Runs node with `args` in `dir`; its stderr (it must exit 0). */
function stderrOf(dir, args) {
  const result = spawnSync('node', args, { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')}: ${result.stderr}`);
  return result.stderr;
}

// 3. Everything from ESM and CJS, zod at its floor.
const zodRanges = new Set(packages.map((p) => p.json.peerDependencies?.zod).filter(Boolean));
if (zodRanges.size !== 1) fail(`packages disagree on the zod peer range: ${[...zodRanges].join(', ')}`);
const [zodRange] = zodRanges;
const zodFloor = /^\^(\d+\.\d+\.\d+)$/.exec(zodRange ?? '')?.[1];
if (!zodFloor) fail(`zod peer range ${zodRange} is not of the form ^x.y.z`);
const documentsPeers = manifests['@bangkom/myasn'].peerDependencies;
const rootDevDependencies = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;

/** Each JSON file a package exports through a `./folder/*` pattern, as import specifiers. */
function exportedJsonFiles(name) {
  const p = packages.find((q) => q.json.name === name);
  const specifiers = [];
  for (const [subpath, target] of exportTargets(manifests[name].exports)) {
    if (subpath.endsWith('/*')) {
      const folder = target.slice(2, -1);
      for (const file of readdirSync(join(p.dir, folder)).filter((f) => f.endsWith('.json'))) specifiers.push(`${name}/${folder}${file}`);
    } else if (target.endsWith('.json') && subpath !== './package.json') specifiers.push(`${name}/${subpath.slice(2)}`);
  }
  return specifiers;
}

const codeNames = packages.filter(isCode).map((p) => p.json.name);
const entries = [...codeNames, '@bangkom/myasn/documents'];
const jsonFiles = names.flatMap(exportedJsonFiles);
const kinds = ['esm', 'cjs'];
const full = await pool(kinds, INSTALL_CONCURRENCY, (kind) =>
  project(join(work, kind), kind === 'esm' ? 'module' : 'commonjs', {
    ...Object.fromEntries(names.map((name) => [name, `file:${tarballs[name]}`])),
    zod: zodFloor,
    exceljs: documentsPeers.exceljs,
    pdfkit: documentsPeers.pdfkit,
    // The CLI's declarations use Node's types, as any Node consumer has them.
    '@types/node': rootDevDependencies['@types/node'],
  }),
);
for (const [k, kind] of kinds.entries()) {
  if (full[k].error) {
    fail(`${kind}: install\n${full[k].error.stderr ?? full[k].error.message}`);
    continue;
  }
  const dir = full[k].value;
  const zodInstalled = JSON.parse(readFileSync(join(dir, 'node_modules', 'zod', 'package.json'), 'utf8')).version;
  if (zodInstalled !== zodFloor) fail(`${kind}: zod ${zodInstalled} installed instead of the floor ${zodFloor}`);
  const ext = kind === 'esm' ? 'mjs' : 'cjs';
  const tsExt = kind === 'esm' ? 'mts' : 'cts';
  const load = (spec, i) =>
    kind === 'esm'
      ? `import ${spec.endsWith('.json') ? '' : '* as '}m${i} from '${spec}'${spec.endsWith('.json') ? " with { type: 'json' }" : ''};`
      : `const m${i} = require('${spec}');`;
  const specs = [...entries, ...jsonFiles];
  const runtime = [
    ...specs.map(load),
    ...specs.map((spec, i) => `if (Object.keys(m${i}).length === 0) throw new Error('${spec}: empty');`),
    ...jsonFiles.map((spec, i) =>
      spec.startsWith('@bangkom/schemas/')
        ? `if (!String(m${entries.length + i}.$id).startsWith('urn:bangkom:schema:v1:')) throw new Error('${spec}: $id');`
        : '',
    ),
    `console.log('${kind}: loaded ${entries.length} entries and ${jsonFiles.length} JSON files (zod ${zodInstalled})');`,
  ];
  writeFileSync(join(dir, `check.${ext}`), runtime.join('\n') + '\n');
  const typed = [
    kind === 'esm' ? `import { parseNip, type LearningActivity } from '@bangkom/domain';` : `import domain = require('@bangkom/domain');`,
    kind === 'esm'
      ? `import { kartuDataXlsx } from '@bangkom/myasn/documents';`
      : `import documents = require('@bangkom/myasn/documents');`,
    ...entries.map((name, i) => (kind === 'esm' ? `import * as t${i} from '${name}';` : `import t${i} = require('${name}');`)),
    kind === 'esm'
      ? `const a: LearningActivity | undefined = undefined; const r = parseNip('198503122010011004'); export const ok: boolean = r.ok && a === undefined;`
      : `const r = domain.parseNip('198503122010011004'); export const ok: boolean = r.ok;`,
    `// @ts-expect-error a wrong argument type must be caught, proving the declarations are loaded`,
    kind === 'esm' ? `parseNip(42);` : `domain.parseNip(42);`,
    `// @ts-expect-error the documents entry's declarations are loaded too`,
    kind === 'esm' ? `void kartuDataXlsx('not a card');` : `void documents.kartuDataXlsx('not a card');`,
    `export const all = [${entries.map((_, i) => `t${i}`).join(', ')}];`,
  ];
  writeFileSync(join(dir, `types.${tsExt}`), typed.join('\n') + '\n');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
      files: [`types.${tsExt}`],
    }),
  );
  try {
    process.stdout.write(run('node', [`check.${ext}`], dir));
    lightEntryCheck(dir, kind);
    run('node', [tsc, '-p', 'tsconfig.json'], dir);
    console.log(`${kind}: types of ${entries.length} entries check`);
    if (kind === 'esm') {
      // The installed command, run in a folder holding no repository files: the demo office ships in the package.
      const demo = run('npx', ['--no-install', 'bangkom', 'demo'], dir);
      if (!demo.includes('Per unit kerja')) throw new Error(`bangkom demo printed:\n${demo}`);
      console.log('esm: the installed bangkom runs its demo');
    }
  } catch (error) {
    fail(`${kind}: ${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`pack test: ${failures === 0 ? 'passed' : `${failures} failure(s)`}`);
process.exit(failures === 0 ? 0 : 1);
