import type { Command, CommandSpec } from './command.js';

/**
 * Every `bangkom` command, in the order `bangkom --help` lists them: what it is called, how it is
 * used and which options it takes, and how to load it. Only the command asked for is imported, so
 * `bangkom nip` does not load the spreadsheet and PDF libraries that `bangkom export` needs.
 */
export const commands: readonly CommandSpec[] = [
  {
    name: 'jp',
    summary: 'Hitung JP dan kepatuhan 20 JP / convert activities to JP and check the yearly obligation',
    usage:
      'bangkom jp <input.json|input.ndjson|input.csv> [--employees FILE] [--year YYYY] [--profile ID|profile.json] [--projected] [--skip-invalid] [--format json|ndjson|table] [--trace none|summary|full] [--summaries-only] [--out FILE]',
    options: {
      profile: { type: 'string' },
      year: { type: 'string' },
      projected: { type: 'boolean' },
      trace: { type: 'string' },
      'summaries-only': { type: 'boolean' },
      out: { type: 'string' },
      employees: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
    },
    extraFormats: ['ndjson'],
    positionals: 1,
    load: async () => (await import('./commands/jp.js')).jpCommand,
  },
  {
    name: 'idp',
    summary: 'Periksa rencana pengembangan (IDP) / validate Individual Development Plans, recommend methods',
    usage: 'bangkom idp <plan.json> [--profile ID|profile.json] [--as-of YYYY-MM-DD]  |  bangkom idp recommend <need.json> [--profile ID]',
    options: { profile: { type: 'string' }, 'as-of': { type: 'string' } },
    positionals: (first) => (first === 'recommend' ? 2 : 1),
    load: async () => (await import('./commands/idp.js')).idpCommand,
  },
  {
    name: 'tubel',
    summary: 'Periksa syarat Tugas Belajar / check Tugas Belajar eligibility and dates',
    usage: 'bangkom tubel <candidate.json> [--as-of YYYY-MM-DD] [--format json|table]',
    options: { 'as-of': { type: 'string' } },
    positionals: 1,
    load: async () => (await import('./commands/tubel.js')).tubelCommand,
  },
  {
    name: 'ipasn',
    summary: 'Hitung IP ASN dan pantau alur rekonsiliasi / IP ASN scores and the reconciliation workflow',
    usage:
      'bangkom ipasn <input.json> [--year YYYY] [--profile ID|profile.json]  |  bangkom ipasn workflow <steps.json> [--as-of YYYY-MM-DD]',
    options: { year: { type: 'string' }, profile: { type: 'string' }, 'as-of': { type: 'string' } },
    positionals: (first) => (first === 'workflow' ? 2 : 1),
    load: async () => (await import('./commands/ipasn.js')).ipasnCommand,
  },
  {
    name: 'export',
    summary: 'Ekspor ke SIASN/MyASN, Kartu Data, monitoring / exports for SIASN, MyASN and forms',
    usage: [
      'bangkom export siasn <input.json> [--context siasn-context.json]',
      'bangkom export myasn <input.json> --format csv|json',
      'bangkom export kartu-data <input.json> --nip NIP --out file.xlsx|file.pdf [--place Kota] [--date YYYY-MM-DD]',
      'bangkom export monitoring <input.json> --out file.xlsx',
    ].join('\n       '),
    options: {
      nip: { type: 'string' },
      out: { type: 'string' },
      context: { type: 'string' },
      place: { type: 'string' },
      date: { type: 'string' },
    },
    extraFormats: ['csv'],
    positionals: 2,
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  {
    name: 'import',
    summary: 'Impor kegiatan/pegawai dari CSV/XLSX / import activities or employees from CSV/XLSX',
    usage: 'bangkom import <file.csv|file.xlsx> --type activities|employees',
    options: { type: { type: 'string' } },
    positionals: 1,
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  {
    name: 'reconcile',
    summary: 'Cocokkan data lokal dengan SIASN / reconcile local activities with SIASN',
    usage: 'bangkom reconcile <local.json> <siasn.json>',
    positionals: 2,
    load: async () => (await import('./commands/reconcile.js')).reconcileCommand,
  },
  {
    name: 'validate',
    summary: 'Periksa berkas kegiatan/pegawai / validate activity or employee records',
    usage: 'bangkom validate <file.json|file.csv> --type activity|employee',
    options: { type: { type: 'string' } },
    positionals: 1,
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  {
    name: 'nip',
    summary: 'Urai dan periksa NIP / parse and check an 18-digit NIP',
    usage: 'bangkom nip <NIP>',
    positionals: 1,
    load: async () => (await import('./commands/nip.js')).nipCommand,
  },
  {
    name: 'methods',
    summary: 'Daftar 26 metode pengembangan kompetensi / the 26 learning method codes, names and sources',
    usage: 'bangkom methods [--format json|table]',
    positionals: 0,
    load: async () => (await import('./commands/methods.js')).methodsCommand,
  },
  {
    name: 'demo',
    summary: 'Tur singkat pada kantor contoh / a short tour on the example office',
    usage: 'bangkom demo [office.json]',
    positionals: 1,
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
];

/** The registry entry of a command (its usage and options), by name. */
export function commandSpec(name: string): CommandSpec {
  const spec = commands.find((c) => c.name === name);
  if (!spec) throw new Error(`No command ${name} in the registry`);
  return spec;
}

export type { Command };
