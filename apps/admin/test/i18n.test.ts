import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { issueText, snakeCase } from '../src/lib/i18n.js';
import { z } from 'zod';
import { errorDetails } from '../src/lib/server/errors.js';
import { messagesFor } from '../src/lib/server/messages.js';
import { noticeText } from '../src/lib/notices.js';

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
    'audit_export_col_nip',
    'employees_sort_nip',
  ]);
  const untranslated = keys.filter((key) => !same.has(key) && JSON.stringify(catalogue.id[key]) === JSON.stringify(catalogue.en[key]));
  expect(untranslated).toEqual([]);
});

/** Every text of a message (each variant of a plural), without its placeholders. */
const textsOf = (message: string | Variants): string[] =>
  (typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match))).map((text) => text.replace(/\{\w+\}/g, ''));

it('speaks to HR officers in plain words: no field codes, rule or policy ids, JSON paths or patterns in any message', () => {
  const developerWords: [string, RegExp][] = [
    ['rule id (plan.required_field)', /\b[a-z]+\.[a-z]+_[a-z_]+\b/],
    ['policy setting (excessDays=warn)', /\b[a-z][a-zA-Z]*=[a-zA-Z]/],
    ['field code (statedJp)', /\b[a-z]+[A-Z][a-zA-Z]*\b/],
    ['code (sosial_kultural)', /\b[a-z]+_[a-z_]+\b/],
    ['JSON path (/items/1/title)', /\/items\/|\/[a-zA-Z]+\/\d/],
    ['pattern (^\\d{18}$)', /\^|\\d|\[0-9\]|\.\*/],
  ];
  const found = (['id', 'en'] as const).flatMap((locale) =>
    keys.flatMap((key) =>
      textsOf(catalogue[locale][key]!).flatMap((text) =>
        developerWords.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${locale} ${key}: ${what}`),
      ),
    ),
  );
  expect(found).toEqual([]);
});

it('keeps each language to itself: no English in Bahasa Indonesia, no Indonesian in English (terms in brackets aside)', () => {
  const english = /\b(the|of|and|not|please|with|from|your|this|is|are|found|error)\b/i;
  const indonesian = /\b(dan|yang|tidak|belum|untuk|dengan|dari|ini|oleh|pada|sudah|wajib|kegiatan|pegawai)\b/i;
  const mixed = [
    ...keys.filter((key) => textsOf(catalogue.id[key]!).some((text) => english.test(text))).map((key) => `id ${key}`),
    // An English text may name an Indonesian term in brackets ("Civil service school (kedinasan)").
    ...keys
      .filter((key) => textsOf(catalogue.en[key]!).some((text) => indonesian.test(text.replace(/\([^)]*\)/g, ''))))
      .map((key) => `en ${key}`),
  ];
  expect(mixed).toEqual([]);
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
  // An empty required field says so, not "too short (minimum 1)" or "invalid choice", in a procedure's refusal too.
  const refused = z.object({ reason: z.string().min(1), title: z.string() }).safeParse({ reason: '' });
  const issues = errorDetails(refused.error).issues ?? [];
  expect(issues.map((i) => [i.path.join(), issueText(i, id)])).toEqual([
    ['reason', 'Wajib diisi'],
    ['title', 'Wajib diisi'],
  ]);
  expect(issueText({ code: 'too_small', minimum: 1, empty: true }, messagesFor('en'))).toBe('Required');
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

it('a notice of a decision names who decided, by name and NIP or by account; older notices without it read as before', () => {
  const id = messagesFor('id');
  const en = messagesFor('en');
  const params = { title: 'Diklat Jalan', byUsername: 'adminunit', byName: 'Siti Aminah', byNip: '198001012005012001' };
  expect(noticeText(id, 'activity_verified', params)).toBe(
    'Kegiatan "Diklat Jalan" diverifikasi; JP-nya terhitung. Diputuskan oleh Siti Aminah (198001012005012001).',
  );
  expect(noticeText(en, 'plan_approved', { year: '2026', byUsername: 'sdm-pusat' })).toBe(
    'Your 2026 plan was approved. Decided by sdm-pusat (account).',
  );
  expect(noticeText(id, 'activity_verified', { title: 'Diklat Jalan' })).toBe('Kegiatan "Diklat Jalan" diverifikasi; JP-nya terhitung.');
  // An unknown kind says nothing, whoever decided.
  expect(noticeText(id, 'no_such_kind', params)).toBe('');
});
