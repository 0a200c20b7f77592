import type { Problem } from '@bangkom/domain';
import { computeJp, loadProfile } from '@bangkom/jp';
import type { RuleProfile } from '@bangkom/jp';
import { isProblem, requirePositional, stringOption } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { csvRecords, ExitCode, isCsvPath, printJson, printTable, readJson, readText, reportProblems } from '../io.js';

const { usage } = commandSpec('jp');

/** `--profile` is a built-in id, or the path of an agency's profile file (JSON). */
async function profileOption(value: string | undefined): Promise<{ profile?: string | RuleProfile; problems: Problem[] }> {
  if (value === undefined || !value.toLowerCase().endsWith('.json'))
    return { ...(value !== undefined ? { profile: value } : {}), problems: [] };
  const json = await readJson(value);
  if (!json.ok) return { problems: json.problems };
  const loaded = loadProfile(json.value);
  return loaded.ok
    ? { profile: loaded.value, problems: [] }
    : { problems: loaded.problems.map((p) => ({ ...p, path: ['--profile', ...p.path] })) };
}

export const jpCommand: Command = {
  ...commandSpec('jp'),
  async run(inv, io) {
    const file = requirePositional(inv, 0, 'berkas masukan / input file', usage);
    if (isProblem(file)) return reportProblems(io, [file], inv.format);
    const yearText = stringOption(inv, 'year');
    if (yearText !== undefined && !/^\d{4}$/.test(yearText)) {
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
    }
    let input: unknown;
    if (isCsvPath(file)) {
      const text = await readText(file);
      if (!text.ok) return reportProblems(io, text.problems, inv.format);
      const csv = csvRecords(text.value);
      if (!csv.ok) return reportProblems(io, csv.problems, inv.format);
      input = { activities: csv.value.records };
    } else {
      const json = await readJson(file);
      if (!json.ok) return reportProblems(io, json.problems, inv.format);
      input = json.value;
    }
    const { profile, problems } = await profileOption(stringOption(inv, 'profile'));
    if (problems.length > 0) return reportProblems(io, problems, inv.format);
    const result = computeJp(input, {
      ...(profile !== undefined ? { profile } : {}),
      ...(yearText !== undefined ? { year: Number(yearText) } : {}),
      projected: inv.options['projected'] === true,
    });
    if (!result.ok) return reportProblems(io, result.problems, inv.format);
    const { profile: profileId, results, summaries, warnings } = result.value;
    for (const w of warnings) io.stderr(`peringatan/warning: ${w.message.id} / ${w.message.en}\n`);
    if (inv.format === 'table') {
      printTable(
        io,
        ['NIP', 'tahun/year', 'jenis/kind', 'JP', 'wajib/required', 'kekurangan/shortfall', 'patuh/compliant'],
        summaries.map((s) => [s.nip, s.year, s.kind, s.jp, s.required, s.shortfall, s.compliant ? 'ya/yes' : 'tidak/no']),
      );
    } else {
      printJson(io, {
        profile: profileId,
        results: results.map((r) => ({
          id: r.id,
          nip: r.nip,
          jp: r.jp,
          convertedJp: r.convertedJp,
          counted: r.counted,
          year: r.year,
          trace: r.trace,
        })),
        summaries,
        warnings,
      });
    }
    return ExitCode.ok;
  },
};
