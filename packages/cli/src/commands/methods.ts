import { learningMethodCodes, learningMethods } from '@bangkom/domain';
import type { Command } from '../command.js';
import { ExitCode, printJson, printTable } from '../io.js';
import { commandSpec } from '../registry.js';

/** The learning method codes that activity files use, with their names and the rule that defines each. */
export const methodsCommand: Command = {
  ...commandSpec('methods'),
  async run(inv, io) {
    const rows = learningMethodCodes.map((code) => ({ code, ...learningMethods[code] }));
    if (inv.format === 'table') {
      printTable(
        io,
        ['kode/code', 'jalur/path', 'nama', 'name', 'sumber/source'],
        rows.map((m) => [m.code, m.path, m.label.id, m.label.en, m.source]),
      );
    } else printJson(io, { methods: rows.map((m) => ({ code: m.code, path: m.path, name: m.label, source: m.source })) });
    return ExitCode.ok;
  },
};
