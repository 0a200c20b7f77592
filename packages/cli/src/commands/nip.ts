import { parseNip } from '@bangkom/domain';
import { isProblem, requirePositional } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { ExitCode, printJson, printTable, reportProblems } from '../io.js';

const { usage } = commandSpec('nip');

export const nipCommand: Command = {
  ...commandSpec('nip'),
  async run(inv, io) {
    const nip = requirePositional(inv, 0, 'NIP', usage);
    if (isProblem(nip)) return reportProblems(io, [nip], inv.format);
    const parsed = parseNip(nip, {}, ['nip']);
    if (!parsed.ok) return reportProblems(io, parsed.problems, inv.format);
    if (inv.format === 'table') {
      const p = parsed.value;
      printTable(
        io,
        ['NIP', 'tanggal lahir/birth date', 'TMT CPNS', 'jenis kelamin/gender', 'no. urut/sequence'],
        [[p.nip, p.birthDate, p.appointmentMonth, p.gender, p.sequence]],
      );
    } else printJson(io, parsed.value);
    return ExitCode.ok;
  },
};
