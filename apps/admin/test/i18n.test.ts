import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { issueText, snakeCase } from '../src/lib/i18n.js';
import { messagesFor } from '../src/lib/server/messages.js';

const app = join(import.meta.dirname, '..');
/** A message of the inlang message format: a pattern, or variants chosen by selectors (plurals). */
type Variants = { declarations: string[]; selectors: string[]; match: Record<string, string> }[];
type Catalogue = Record<string, string | Variants>;
const read = (locale: string): Catalogue => {
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(join(app, 'messages', `${locale}.json`), 'utf8'));
  return messages;
};
const catalogue = { id: read('id'), en: read('en') };
const keys = Object.keys(catalogue.id).sort();

/** The parameters a message takes: placeholders of its texts and its declared inputs. */
function parameters(message: string | Variants): string[] {
  const texts = typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
  const declared =
    typeof message === 'string' ? [] : message.flatMap((v) => v.declarations.filter((d) => d.startsWith('input ')).map((d) => d.slice(6)));
  return [...new Set([...texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)), ...declared])].sort();
}

it('Bahasa Indonesia and English have the same keys and the same parameters', () => {
  expect(Object.keys(catalogue.en).sort()).toEqual(keys);
  const mismatched = keys.filter((key) => parameters(catalogue.id[key]!).join() !== parameters(catalogue.en[key]!).join());
  expect(mismatched).toEqual([]);
  // Words that are the same in both languages; anything else equal was probably left untranslated.
  const same = new Set([
    'app_name',
    'role_auditor',
    'activities_filter_status',
    'col_jp',
    'col_status',
    'col_unit',
    'preview_jp',
    'dashboard_unit',
    'dashboard_band',
    'dashboard_band_open',
    'card_nip',
    'nav_myasn',
    'audit_group_myasn',
    'myasn_col_status',
    'myasn_field_jp',
    'ipasn_nav',
    'plans_sort_nip',
  ]);
  const untranslated = keys.filter((key) => !same.has(key) && JSON.stringify(catalogue.id[key]) === JSON.stringify(catalogue.en[key]));
  expect(untranslated).toEqual([]);
});

it('every message is used by the app, and every message the app names exists', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === 'generated') return [];
      return statSync(path).isDirectory() ? sources(path) : /\.(svelte|ts)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
    });
  const code = sources(join(app, 'src')).join('\n');
  // `m.key(…)` in components (or `m.key` handed on, as the audit page's tables do), `messagesFor(locale).key(…)`
  // on the server, 'key' in a table of keys;
  // keys computed at run time: m[`status_${status}`]() names every key that starts with `status_`.
  const prefixes = [...code.matchAll(/\[`([a-z_]+)\$\{/g)].map((match) => match[1]!);
  const used = (key: string) =>
    new RegExp(`\\.${key}(?![a-z0-9_])|'${key}'`).test(code) || prefixes.some((prefix) => key.startsWith(prefix) && key !== prefix);
  expect(keys.filter((key) => !used(key))).toEqual([]);
  const named = [...code.matchAll(/\bm\.([a-z0-9_]+)\(/g)].map((match) => match[1]!);
  expect([...new Set(named.filter((key) => !(key in catalogue.id)))]).toEqual([]);
});

it('fills parameters and words zod issues from the messages', () => {
  const id = messagesFor('id');
  expect(id.home_verified({ jp: 12, required: 20 })).toBe('12 dari 20 JP terverifikasi');
  expect(messagesFor('en').home_verified({ jp: 12, required: 20 })).toBe('12 of 20 JP verified');
  expect(issueText({ code: 'too_small', minimum: 3 }, id)).toBe('Terlalu pendek atau terlalu kecil (minimal 3)');
  expect(issueText({ code: 'something_new' }, id)).toBe('Isian tidak valid');
  expect(snakeCase('latestEndWithExtension')).toBe('latest_end_with_extension');
});

it('counts agree with their noun in English (Intl.PluralRules), Indonesian needs no plural form', () => {
  const en = messagesFor('en');
  const id = messagesFor('id');
  // Every English message with a count has a variant for "one" and one for everything else.
  const counted = keys.filter((key) => parameters(catalogue.en[key]!).includes('count'));
  expect(counted.length).toBeGreaterThan(0);
  for (const key of counted) {
    const variants = catalogue.en[key];
    expect(Array.isArray(variants), key).toBe(true);
    const match = (variants as Variants)[0]!.match;
    expect(
      Object.keys(match).some((k) => k.endsWith('=one')),
      key,
    ).toBe(true);
    expect(
      Object.keys(match).some((k) => k.endsWith('=other') || k.endsWith('=*')),
      key,
    ).toBe(true);
  }
  expect(en.plan_invalid({ count: 1 })).toBe('The plan still has 1 error.');
  expect(en.plan_invalid({ count: 3 })).toBe('The plan still has 3 errors.');
  expect(id.plan_invalid({ count: 1 })).toBe('Rencana masih memiliki 1 kesalahan.');
});
