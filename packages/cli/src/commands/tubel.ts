import { checkEligibility } from '@bangkom/tubel';
import { isProblem, requirePositional, stringOption } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { ExitCode, printJson, printTable, readJson, reportProblems } from '../io.js';

const { usage } = commandSpec('tubel');

export const tubelCommand: Command = {
  ...commandSpec('tubel'),
  async run(inv, io) {
    const file = requirePositional(inv, 0, 'berkas kandidat / candidate file', usage);
    if (isProblem(file)) return reportProblems(io, [file], inv.format);
    const asOf = stringOption(inv, 'as-of');
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      return reportProblems(
        io,
        [
          {
            path: ['--as-of'],
            code: 'cli.bad_date',
            message: { id: `--as-of harus berformat YYYY-MM-DD, bukan ${asOf}`, en: `--as-of must be YYYY-MM-DD, not ${asOf}` },
          },
        ],
        inv.format,
      );
    }
    const json = await readJson(file);
    if (!json.ok) return reportProblems(io, json.problems, inv.format);
    const input = json.value as { candidate?: unknown; programme?: unknown } | null;
    const result = checkEligibility(input?.candidate, input?.programme, asOf !== undefined ? { asOf } : {});
    if (!result.ok) return reportProblems(io, result.problems, inv.format);
    const { eligible, criteria, dates } = result.value;
    if (inv.format === 'table') {
      printTable(
        io,
        ['kriteria/criterion', 'status', 'dasar/source', 'alasan/reason'],
        criteria.map((c) => [c.id, c.status, c.source.split(';')[0], c.reason.id]),
      );
      io.stdout(`\nMemenuhi syarat / eligible: ${eligible ? 'ya / yes' : 'tidak / no'}\n`);
      printTable(
        io,
        ['tanggal/date', 'nilai/value'],
        Object.entries(dates).map(([k, v]) => [k, v === null ? '-' : String(v)]),
      );
    } else printJson(io, { eligible, criteria, dates });
    return eligible ? ExitCode.ok : ExitCode.ruleFailure;
  },
};
