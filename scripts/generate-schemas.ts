/**
 * Writes `schemas/<name>.schema.json` (JSON Schema draft 2020-12) from the zod sources,
 * the single source of truth. With `--check`, writes nothing and fails when a committed
 * file differs from what the sources generate (stale), or when a file has no source.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { registry } from './schema-registry.js';

const SCHEMA_DIR = join(import.meta.dirname, '..', 'schemas');
/** Major version of the published schemas; it is part of each `$id` and changes only on breaking changes. */
const SCHEMA_MAJOR = 1;
export const schemaId = (name: string) => `https://bangkom.github.io/bangkom/schemas/v${SCHEMA_MAJOR}/${name}.schema.json`;

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
    if (stale.length > 0) {
      console.error(`JSON Schemas are stale; run \`npm run schemas\` and commit:\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`schemas: ${files.size} files match their zod sources`);
    return;
  }
  for (const [file, text] of files) await writeFile(join(SCHEMA_DIR, file), text);
  console.log(`schemas: wrote ${files.size} files to schemas/`);
}

await main();
