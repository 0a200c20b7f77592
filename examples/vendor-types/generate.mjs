// Compiles every JSON Schema in ../../schemas into TypeScript declarations, as a vendor would.
// With --check, fails when the committed files differ from what the schemas produce.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';

const schemaDir = join(import.meta.dirname, '..', '..', 'schemas');
const outDir = join(import.meta.dirname, 'src', 'generated');
const check = process.argv.includes('--check');
const stale = [];
for (const file of (await readdir(schemaDir)).filter((f) => f.endsWith('.schema.json')).sort()) {
  const schema = JSON.parse(await readFile(join(schemaDir, file), 'utf8'));
  const typeName = file.replace('.schema.json', '').replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
  const ts = await compile({ ...schema, title: typeName }, typeName, {
    bannerComment: `/* Generated from schemas/${file} by examples/vendor-types/generate.mjs. Do not edit. */`,
    additionalProperties: false,
    format: true,
  });
  const target = join(outDir, file.replace('.schema.json', '.ts'));
  if (check) {
    const committed = await readFile(target, 'utf8').catch(() => undefined);
    if (committed !== ts) stale.push(target);
  } else await writeFile(target, ts);
}
if (stale.length > 0) {
  console.error(`Generated vendor types are stale; run \`npm run generate -w @bangkom/example-vendor-types\`:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
