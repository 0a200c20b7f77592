import { loadScoringProfile, scoreOffice, workflowProgress } from '@bangkom/ipasn';
import type { ScoringProfile } from '@bangkom/ipasn';
import { isProblem, requirePositional, stringOption } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { ExitCode, printJson, printTable, readJson, reportProblems } from '../io.js';

const { usage } = commandSpec('ipasn');

export const ipasnCommand: Command = {
  ...commandSpec('ipasn'),
  async run(inv, io) {
    const workflow = inv.positionals[0] === 'workflow';
    const file = requirePositional(inv, workflow ? 1 : 0, 'berkas masukan / input file', usage);
    if (isProblem(file)) return reportProblems(io, [file], inv.format);
    const json = await readJson(file);
    if (!json.ok) return reportProblems(io, json.problems, inv.format);

    if (workflow) {
      const value = (json.value ?? {}) as Record<string, unknown>;
      const asOf = stringOption(inv, 'as-of');
      const result = workflowProgress({
        startedOn: String(value['startedOn'] ?? ''),
        done: (value['done'] as { step: number; on: string }[]) ?? [],
        holidays: (value['holidays'] as string[]) ?? [],
        ...((asOf ?? value['asOf']) ? { asOf: (asOf ?? value['asOf']) as string } : {}),
      });
      if (!result.ok) return reportProblems(io, result.problems, inv.format);
      if (inv.format === 'table')
        printTable(
          io,
          ['langkah/step', 'pelaksana/actor', 'hari kerja/days', 'mulai/starts', 'batas/due', 'selesai/done', 'status'],
          result.value.steps.map((s) => [s.step, s.actor, s.workingDays, s.startsOn, s.dueOn, s.doneOn, s.status]),
        );
      else printJson(io, result.value);
      return ExitCode.ok;
    }

    const yearText = stringOption(inv, 'year') ?? String(new Date().getUTCFullYear() - 1);
    if (!/^\d{4}$/.test(yearText))
      return reportProblems(
        io,
        [
          {
            path: ['--year'],
            code: 'cli.bad_year',
            message: { id: `--year harus tahun 4 digit, bukan ${yearText}`, en: `--year must be a 4-digit year, not ${yearText}` },
          },
        ],
        inv.format,
      );
    let profile: string | ScoringProfile | undefined = stringOption(inv, 'profile');
    if (profile?.toLowerCase().endsWith('.json')) {
      const loaded = await readJson(profile);
      if (!loaded.ok) return reportProblems(io, loaded.problems, inv.format);
      const parsed = loadScoringProfile(loaded.value);
      if (!parsed.ok)
        return reportProblems(
          io,
          parsed.problems.map((p) => ({ ...p, path: ['--profile', ...p.path] })),
          inv.format,
        );
      profile = parsed.value;
    }
    const result = scoreOffice(json.value, { year: Number(yearText), ...(profile !== undefined ? { profile } : {}) });
    if (!result.ok) return reportProblems(io, result.problems, inv.format);
    const report = result.value;
    if (inv.format === 'table') {
      printTable(
        io,
        ['NIP', 'unit', 'total', 'kategori/category', 'kual.', 'komp.', 'kin.', 'disp.', 'belum terverifikasi/unverified'],
        report.scores.map((s) => [
          s.nip,
          s.unit,
          s.total,
          s.category,
          s.dimensions.kualifikasi.score,
          s.dimensions.kompetensi.score,
          s.dimensions.kinerja.score,
          s.dimensions.disiplin.score,
          s.unverified ? 'ya/yes' : 'tidak/no',
        ]),
      );
      io.stdout(
        `\nRata-rata / mean: ${report.summary.agency.mean}${report.summary.unverifiedValuesUsed ? ' — memakai nilai yang belum terverifikasi / uses unverified values' : ''}\n`,
      );
    } else {
      printJson(io, {
        profile: report.profile,
        profileVersion: report.profileVersion,
        scores: report.scores,
        summary: report.summary,
      });
    }
    return ExitCode.ok;
  },
};
