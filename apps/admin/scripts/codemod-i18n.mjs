// Moves the app's messages to the inlang message files and its call sites to the compiled messages.
//
//   node scripts/codemod-i18n.mjs [--catalogue FILE]
//
// 1. With --catalogue (a TypeScript catalogue of the old form, `const id = {…}` and
//    `const en: … = {…}`, e.g. `git show main:apps/admin/src/lib/i18n.ts > /tmp/old.ts`), every key
//    missing from messages/{id,en}.json is added under its new name; keys already there are kept
//    as they are (they may have gained plural variants) and differing texts are listed for review.
// 2. Rewrites `t('home.noObligation', params)` → `m.home_no_obligation(params)` in src/ (.svelte,
//    .ts), drops `const t = … translator(…)` and points the imports at `$lib/messages`. Calls it
//    cannot convert (keys computed at run time) are listed for a hand edit.
// Safe to run again: converted code has no `t(` calls left. Not part of the app.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const app = join(import.meta.dirname, '..');
const messagesDir = join(app, 'messages');
const locales = ['id', 'en'];
/** Keys of the old catalogue that no page used: not brought back by a later merge. */
const REMOVED = new Set(['common_back', 'detail_title', 'review_open']);

/** 'home.noObligation' → 'home_no_obligation' (paraglide exports keys that are snake_case identifiers as is). */
export const newKey = (key) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toLowerCase();

/** The object literal that follows `marker` in `source`, evaluated (the catalogue holds string literals only). */
function objectAfter(source, marker) {
  const start = source.indexOf('{', source.search(marker));
  let depth = 0;
  let quote = null;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return new Function(`return (${source.slice(start, i + 1)});`)();
  }
  throw new Error(`no object after ${marker}`);
}

function mergeCatalogue(file) {
  const source = readFileSync(file, 'utf8');
  const old = { id: objectAfter(source, /\bconst id\b/), en: objectAfter(source, /\bconst en\b/) };
  const renamed = new Map();
  for (const key of Object.keys(old.id)) {
    const renamedKey = newKey(key);
    if (renamed.has(renamedKey) && renamed.get(renamedKey) !== key)
      throw new Error(`${key} and ${renamed.get(renamedKey)} both become ${renamedKey}`);
    renamed.set(renamedKey, key);
  }
  for (const locale of locales) {
    const path = join(messagesDir, `${locale}.json`);
    let current = { $schema: 'https://inlang.com/schema/inlang-message-format' };
    try {
      current = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      /* first run */
    }
    const added = [];
    for (const [renamedKey, key] of renamed) {
      const text = old[locale][key];
      if (text === undefined) throw new Error(`${key} has no ${locale} text`);
      if (REMOVED.has(renamedKey)) continue;
      if (!(renamedKey in current)) {
        current[renamedKey] = text;
        added.push(renamedKey);
      } else if (typeof current[renamedKey] === 'string' && current[renamedKey] !== text)
        console.log(`${locale} ${renamedKey}: kept ${JSON.stringify(current[renamedKey])}, catalogue has ${JSON.stringify(text)}`);
    }
    writeFileSync(path, JSON.stringify(current, null, 2) + '\n');
    console.log(`${locale}: ${added.length} keys added${added.length && added.length < 40 ? ` (${added.join(', ')})` : ''}`);
  }
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    return statSync(path).isDirectory() ? files(path) : /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

/** Rewrites one file; returns the calls left for a hand edit. */
function rewrite(path) {
  let text = readFileSync(path, 'utf8');
  const before = text;
  // t('key') / t('key', params) with a literal key.
  text = text.replace(
    /(?<![\w.$])t\(\s*'([A-Za-z0-9_.]+)'\s*(\)|,\s*)/g,
    (_, key, rest) => `m.${newKey(key)}(${rest.startsWith(',') ? '' : ')'}`,
  );
  // t(`prefix.${expr}`) → m[`prefix_${expr}`]() (the values must already be snake_case words).
  text = text.replace(/(?<![\w.$])t\(`([A-Za-z0-9_.]+)\$\{([^`]+)\}`\)/g, (_, prefix, expr) => `m[\`${newKey(prefix)}\${${expr}}\`]()`);
  // t(expression) → m[expression]() (a table of keys, typed PlainMessageKey).
  text = text.replace(/(?<![\w.$])t\(([A-Za-z_$][\w$.]*(?:\[[\w$.]+\])?)\)/g, (_, expr) => `m[${expr}]()`);
  // Keys named in tables of components: 'nav.home' → 'nav_home' (not in server code, where such
  // strings are audit actions and procedure names).
  if (path.endsWith('.svelte'))
    text = text.replace(/'([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)'/g, (whole, key) =>
      knownKeys.has(newKey(key)) ? `'${newKey(key)}'` : whole,
    );
  text = text.replace(/issueText\(([^,()]+), t\)/g, 'issueText($1, m)');
  // The translate function is gone: messages come from `$lib/messages`.
  text = text.replace(/^\s*const t = (\$derived\()?translator\([^;]*\)\)?;\n/m, '');
  if (text !== before && /\bm[.[]/.test(text) && !/import \{ m \} from '\$lib\/messages'/.test(text)) {
    const isSvelte = path.endsWith('.svelte');
    const specifier = isSvelte || path.includes('/routes/') ? '$lib/messages' : null;
    if (specifier) {
      text = text.replace(/(<script[^>]*>\n|^)/, (open) => `${open}${isSvelte ? '  ' : ''}import { m } from '${specifier}';\n`);
    }
  }
  // Drop `translator` from imports of $lib/i18n (and the import when nothing is left).
  text = text.replace(/import \{([^}]*)\} from '\$lib\/i18n';\n/g, (whole, names) => {
    const kept = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && n !== 'translator' && !(n === 'MessageKey' && !/\bMessageKey\b/.test(text.replace(whole, ''))));
    return kept.length ? `import { ${kept.join(', ')} } from '$lib/i18n';\n` : '';
  });
  text = text.replace(/import type \{ ([^}]*)\} from '\$lib\/i18n';\n/g, (whole, names) => {
    const kept = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && new RegExp(`\\b${n}\\b`).test(text.replace(whole, '')));
    return kept.length ? `import type { ${kept.join(', ')} } from '$lib/i18n';\n` : '';
  });
  if (text !== before) writeFileSync(path, text);
  return [...text.matchAll(/(?<![\w.$])t\([^)]*\)?/g)].map((match) => `${relative(app, path)}: ${match[0]}`);
}

const args = process.argv.slice(2);
const catalogueAt = args.indexOf('--catalogue');
if (catalogueAt >= 0) mergeCatalogue(args[catalogueAt + 1]);
const knownKeys = new Set(Object.keys(JSON.parse(readFileSync(join(messagesDir, 'id.json'), 'utf8'))));
const left = files(join(app, 'src')).flatMap(rewrite);
if (left.length) console.log(`Left for a hand edit:\n${left.join('\n')}`);
