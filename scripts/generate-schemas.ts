/**
 * Writes `schemas/<name>.schema.json` (JSON Schema draft 2020-12) from the zod sources,
 * the single source of truth, and the `exports` of `schemas/package.json` (`@bangkom/schemas`,
 * one export per schema). With `--check`, writes nothing and fails when a committed file
 * differs from what the sources generate (stale), or when a file has no source.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { registry } from './schema-registry.js';

const SCHEMA_DIR = join(import.meta.dirname, '..', 'schemas');
const SCHEMA_PACKAGE = join(SCHEMA_DIR, 'package.json');
/** Major version of the published schemas; it is part of each `$id` and changes only on breaking changes. */
const SCHEMA_MAJOR = 1;
/** `$id` of a schema: a URN the project controls (documented in schemas/README.md), not a URL that must be served. */
export const schemaId = (name: string) => `urn:bangkom:schema:v${SCHEMA_MAJOR}:${name}`;

/** `schemas/package.json` with its `exports` listing every schema file, one by one. */
async function schemaPackage(files: Iterable<string>): Promise<string> {
  const json = JSON.parse(await readFile(SCHEMA_PACKAGE, 'utf8')) as Record<string, unknown>;
  const exports: Record<string, string> = {};
  for (const file of [...files].sort()) exports[`./${file}`] = `./${file}`;
  exports['./package.json'] = './package.json';
  return JSON.stringify({ ...json, exports }, null, 2) + '\n';
}

async function packageVersion(pkg: string): Promise<string> {
  const dir = pkg.replace('@bangkom/', '');
  const json = JSON.parse(await readFile(join(import.meta.dirname, '..', 'packages', dir, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

export async function generate(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of registry) {
    const version = await packageVersion(entry.package);
    for (const { name, schema } of entry.schemas) {
      const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      const { $schema, ...rest } = json;
      const ordered = { $schema, $id: schemaId(name), 'x-package': entry.package, 'x-version': version, ...rest };
      const file = `${name}.schema.json`;
      if (files.has(file)) throw new Error(`Two public schemas are named ${name}`);
      files.set(file, JSON.stringify(ordered, null, 2) + '\n');
    }
  }
  return files;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generate();
  const existing = (await readdir(SCHEMA_DIR)).filter((f) => f.endsWith('.schema.json'));
  if (check) {
    const stale: string[] = [];
    for (const [file, text] of files) {
      const committed = await readFile(join(SCHEMA_DIR, file), 'utf8').catch(() => undefined);
      if (committed !== text) stale.push(committed === undefined ? `${file} (missing)` : `${file} (differs)`);
    }
    for (const file of existing) if (!files.has(file)) stale.push(`${file} (no source)`);
    if ((await readFile(SCHEMA_PACKAGE, 'utf8')) !== (await schemaPackage(files.keys()))) stale.push('package.json (exports differ)');
    if (stale.length > 0) {
      console.error(`JSON Schemas are stale; run \`npm run schemas\` and commit:\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`schemas: ${files.size} files match their zod sources`);
    return;
  }
  for (const [file, text] of files) await writeFile(join(SCHEMA_DIR, file), text);
  await writeFile(SCHEMA_PACKAGE, await schemaPackage(files.keys()));
  console.log(`schemas: wrote ${files.size} files and the exports of package.json to schemas/`);
}

await main();
