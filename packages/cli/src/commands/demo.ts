import { computeJp, summarizeUnits } from '@bangkom/jp';
import type { Command } from '../command.js';
import { packageFile } from '../paths.js';
import { commandSpec } from '../registry.js';
import { ExitCode, printTable, readJson, reportProblems } from '../io.js';

/** The example office shipped with the package (the repository's examples/data/office.json), or a file given. */
const OFFICE = packageFile('data/office.json');

export const demoCommand: Command = {
  ...commandSpec('demo'),
  async run(inv, io) {
    const file = inv.positionals[0] ?? OFFICE;
    const json = await readJson(file);
    if (!json.ok) return reportProblems(io, json.problems, inv.format);
    const result = computeJp(json.value, { year: 2025 });
    if (!result.ok) return reportProblems(io, result.problems, inv.format);
    const { summaries, results } = result.value;
    const employees =
      (
        json.value as {
          employees?: { name: string; nip?: string; nipppk?: string; internalId?: string; unit?: string; kind: 'PNS' | 'PPPK' | 'TKK' }[];
        }
      ).employees ?? [];
    const nameOf = new Map(employees.map((e) => [e.nip ?? e.nipppk ?? e.internalId ?? '', e.name]));
    io.stdout('\nBangkom — kepatuhan 20 JP tahun 2025 / 20 JP compliance in 2025 (profil/profile kutai-barat-2024)\n\n');
    printTable(
      io,
      ['nama/name', 'jenis/kind', 'JP', 'wajib/required', 'kurang/short', 'patuh/compliant'],
      summaries.map((s) => [nameOf.get(s.nip) ?? s.nip, s.kind, s.jp, s.required, s.shortfall, s.compliant ? 'ya' : 'TIDAK']),
    );
    io.stdout('\nPer unit kerja / per unit:\n\n');
    printTable(
      io,
      ['unit', 'pegawai/employees', 'patuh/compliant', 'tingkat/rate', 'total JP'],
      summarizeUnits(summaries, employees as never).map((u) => [
        u.unit,
        u.employees,
        u.compliant,
        `${Math.round(u.rate * 100)}%`,
        u.totalJp,
      ]),
    );
    const reduced = results.find((r) => r.counted === 'reduced') ?? results.find((r) => r.jp > 0);
    if (reduced) {
      io.stdout(`\nMengapa ${reduced.jp} JP? / Why ${reduced.jp} JP? — ${reduced.id}\n`);
      reduced.trace.forEach((step, i) =>
        io.stdout(`  ${i + 1}. ${step.description.id}\n     ${step.description.en}\n     [${step.citation}]\n`),
      );
    }
    io.stdout('\nLebih lanjut / more: bangkom --help, README.md\n');
    return ExitCode.ok;
  },
};
