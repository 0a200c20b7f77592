import { expect, it } from 'vitest';
import { catalogue, issueText, translator } from '../src/lib/i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

it('Bahasa Indonesia and English have the same keys and the same placeholders', () => {
  expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.id).sort());
  const mismatched = Object.keys(catalogue.id).filter(
    (key) =>
      placeholders(catalogue.id[key as keyof typeof catalogue.id]).join() !==
      placeholders(catalogue.en[key as keyof typeof catalogue.en]).join(),
  );
  expect(mismatched).toEqual([]);
  // Words that are the same in both languages; anything else equal was probably left untranslated.
  const same = new Set([
    'app.name',
    'role.auditor',
    'activities.filterStatus',
    'col.jp',
    'col.status',
    'col.unit',
    'preview.jp',
    'dashboard.unit',
    'dashboard.band',
    'dashboard.bandOpen',
    'card.nip',
  ]);
  const untranslated = Object.keys(catalogue.id).filter(
    (key) => !same.has(key) && catalogue.id[key as keyof typeof catalogue.id] === catalogue.en[key as keyof typeof catalogue.en],
  );
  expect(untranslated).toEqual([]);
});

it('fills placeholders and words zod issues from the catalogue', () => {
  const t = translator('id');
  expect(t('home.verified', { jp: 12, required: 20 })).toBe('12 dari 20 JP terverifikasi');
  expect(translator('en')('home.verified', { jp: 12, required: 20 })).toBe('12 of 20 JP verified');
  expect(issueText({ code: 'too_small', minimum: 3 }, t)).toBe('Terlalu pendek atau terlalu kecil (minimal 3)');
  expect(issueText({ code: 'something_new' }, t)).toBe('Isian tidak valid');
});
