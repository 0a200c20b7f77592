import { recommendMethods, validatePlan, validatePlans } from '@bangkom/idp';
import type { RuleProfile } from '@bangkom/jp';
import { loadProfile } from '@bangkom/jp';
import { isProblem, requirePositional, stringOption } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { ExitCode, printJson, printTable, readJson, reportProblems } from '../io.js';

const { usage } = commandSpec('idp');

/**
 * `bangkom idp plan.json`: one plan → `{ valid, issues, summary }`; a file `{ "plans": [...] }` →
 * `{ valid, plans, units }`. Exit 0 valid, 1 invalid, 2 bad input.
 */
export const idpCommand: Command = {
  ...commandSpec('idp'),
  async run(inv, io) {
    const recommend = inv.positionals[0] === 'recommend';
    const file = requirePositional(
      inv,
      recommend ? 1 : 0,
      recommend ? 'berkas kebutuhan / need file' : 'berkas rencana / plan file',
      usage,
    );
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
    let profile: string | RuleProfile | undefined = stringOption(inv, 'profile');
    if (profile?.toLowerCase().endsWith('.json')) {
      const json = await readJson(profile);
      if (!json.ok) return reportProblems(io, json.problems, inv.format);
      const loaded = loadProfile(json.value);
      if (!loaded.ok)
        return reportProblems(
          io,
          loaded.problems.map((p) => ({ ...p, path: ['--profile', ...p.path] })),
          inv.format,
        );
      profile = loaded.value;
    }
    const json = await readJson(file);
    if (!json.ok) return reportProblems(io, json.problems, inv.format);

    if (recommend) {
      const result = recommendMethods(profile, json.value);
      if (!result.ok) return reportProblems(io, result.problems, inv.format);
      if (inv.format === 'table') {
        printTable(
          io,
          ['metode/method', 'skor/score', 'JP/unit', 'unit', 'perlu/needed', 'alasan/reasons'],
          result.value.recommended.map((r) => [
            r.method,
            r.score,
            r.jpPerUnit ?? '-',
            r.unit,
            r.unitsNeeded ?? '-',
            r.reasons.map((x) => x.message.id).join('; '),
          ]),
        );
      } else printJson(io, result.value);
      return ExitCode.ok;
    }

    const options = { ...(profile !== undefined ? { profile } : {}), ...(asOf !== undefined ? { asOf } : {}) };
    const value = json.value as { plans?: unknown } | null;
    if (value && typeof value === 'object' && Array.isArray(value.plans)) {
      const result = validatePlans(value.plans, options);
      if (!result.ok) return reportProblems(io, result.problems, inv.format);
      if (inv.format === 'table') {
        printTable(
          io,
          ['unit', 'rencana/plans', 'sah/valid', 'JP', 'anggaran/budget', '< 20 JP'],
          result.value.units.map((u) => [
            u.unit,
            u.plans,
            u.valid,
            u.totalJp,
            u.budgetTotal,
            u.belowMinimum.map((b) => b.name ?? b.nip).join(', '),
          ]),
        );
      } else printJson(io, result.value);
      return result.value.valid ? ExitCode.ok : ExitCode.ruleFailure;
    }
    const result = validatePlan(json.value, options);
    if (!result.ok) return reportProblems(io, result.problems, inv.format);
    if (inv.format === 'table') {
      printTable(
        io,
        ['kode/code', 'tingkat/severity', 'lokasi/path', 'pesan/message', 'dasar/source'],
        result.value.issues.map((i) => [i.code, i.severity, i.path, i.message.id, i.source]),
      );
      io.stdout(
        `\nSah / valid: ${result.value.valid ? 'ya / yes' : 'tidak / no'} — ${result.value.summary.countedJp} JP (wajib/required ${result.value.summary.required})\n`,
      );
    } else printJson(io, result.value);
    return result.value.valid ? ExitCode.ok : ExitCode.ruleFailure;
  },
};
