/**
 * Runs as the `prepack` / `postpack` script of every published package (npm runs them for
 * `npm pack` and `npm publish`, in the package's folder).
 *
 * prepack:  copies the repository's LICENSE into the package (Apache-2.0 requires the text to
 *           reach recipients) and rewrites package.json for the tarball: the dev-only
 *           `@bangkom/source` export condition (TypeScript sources, which are not shipped) and
 *           the prepack/postpack scripts themselves are removed. The original is kept aside.
 * postpack: puts the original package.json back and removes the copied LICENSE.
 *
 * Prints nothing on success, so `npm pack --json` stays valid JSON.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_CONDITION = '@bangkom/source';
const root = join(import.meta.dirname, '..');
const dir = process.cwd();
const manifest = join(dir, 'package.json');
const original = join(dir, '.package.json.prepack');
const license = join(dir, 'LICENSE');

/** A copy of an `exports` value without the source condition, at any depth. */
export function withoutSourceCondition(value) {
  if (Array.isArray(value)) return value.map(withoutSourceCondition);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, inner]) => [key, withoutSourceCondition(inner)]),
  );
}

/** The manifest as it is published. */
export function packedManifest(json) {
  const packed = { ...json, exports: withoutSourceCondition(json.exports) };
  if (packed.scripts) {
    const { prepack: _prepack, postpack: _postpack, ...scripts } = packed.scripts;
    packed.scripts = scripts;
  }
  return packed;
}

function prepack() {
  // A previous pack that died half-way left the original aside: start from it.
  if (existsSync(original)) renameSync(original, manifest);
  const text = readFileSync(manifest, 'utf8');
  writeFileSync(original, text);
  writeFileSync(manifest, JSON.stringify(packedManifest(JSON.parse(text)), null, 2) + '\n');
  copyFileSync(join(root, 'LICENSE'), license);
}

function postpack() {
  if (existsSync(original)) renameSync(original, manifest);
  if (dir !== root) rmSync(license, { force: true });
}

const step = process.argv[2];
if (import.meta.filename === process.argv[1]) {
  if (step === 'prepack') prepack();
  else if (step === 'postpack') postpack();
  else {
    console.error('usage: node scripts/pack-manifest.mjs prepack|postpack');
    process.exit(2);
  }
}
