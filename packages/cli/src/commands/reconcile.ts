import { reconcileWithSiasn } from '@bangkom/myasn';
import { isProblem, requirePositional } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { ExitCode, printJson, printTable, readJson, reportProblems } from '../io.js';

const { usage } = commandSpec('reconcile');

/** Compares local activities with what SIASN holds (`{ "diklat": rw-diklat[], "kursus": rw-kursus[] }`). */
export const reconcileCommand: Command = {
  ...commandSpec('reconcile'),
  async run(inv, io) {
    const localFile = requirePositional(inv, 0, 'berkas lokal / local file', usage);
    const siasnFile = requirePositional(inv, 1, 'berkas SIASN / SIASN file', usage);
    for (const f of [localFile, siasnFile]) if (isProblem(f)) return reportProblems(io, [f], inv.format);
    const local = await readJson(localFile as string);
    if (!local.ok) return reportProblems(io, local.problems, inv.format);
    const siasn = await readJson(siasnFile as string);
    if (!siasn.ok) return reportProblems(io, siasn.problems, inv.format);
    const result = reconcileWithSiasn(local.value, siasn.value);
    if (!result.ok) return reportProblems(io, result.problems, inv.format);
    const r = result.value;
    if (inv.format === 'table') {
      printTable(
        io,
        ['jenis/kind', 'id', 'NIP', 'keterangan/detail'],
        [
          ...r.missingInSiasn.map((m) => ['belum di SIASN / missing in SIASN', m.id, m.nip, m.title]),
          ...r.missingLocally.map((m) => ['belum di lokal / missing locally', m.id, m.nip, m.title]),
          ...r.different.map((d) => [
            'berbeda / different',
            d.localId,
            d.nip,
            d.differences.map((x) => `${x.field}: ${x.local} ≠ ${x.siasn}`).join('; '),
          ]),
        ],
      );
    } else printJson(io, r);
    return ExitCode.ok;
  },
};
