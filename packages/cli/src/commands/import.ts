import { extname } from 'node:path';
import { importCsv } from '@bangkom/myasn';
import { importXlsx } from '@bangkom/myasn/documents';
import { isProblem, requirePositional, stringOption } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { ExitCode, printJson, readBytes, readText, reportProblems } from '../io.js';

const { usage } = commandSpec('import');

/** Imports the documented template (Indonesian headers). All or nothing: exit 2 with every bad row. */
export const importCommand: Command = {
  ...commandSpec('import'),
  async run(inv, io) {
    const file = requirePositional(inv, 0, 'berkas / file', usage);
    if (isProblem(file)) return reportProblems(io, [file], inv.format);
    const type = stringOption(inv, 'type');
    if (type !== 'activities' && type !== 'employees') {
      return reportProblems(
        io,
        [
          {
            path: ['--type'],
            code: 'cli.bad_type',
            message: {
              id: `--type harus activities atau employees. Penggunaan: ${usage}`,
              en: `--type must be activities or employees. Usage: ${usage}`,
            },
          },
        ],
        inv.format,
      );
    }
    let result;
    if (extname(file).toLowerCase() === '.xlsx') {
      const bytes = await readBytes(file);
      if (!bytes.ok) return reportProblems(io, bytes.problems, inv.format);
      result = await importXlsx(bytes.value, type);
    } else {
      const text = await readText(file);
      if (!text.ok) return reportProblems(io, text.problems, inv.format);
      result = importCsv(text.value, type);
    }
    if (!result.ok) return reportProblems(io, result.problems, inv.format);
    printJson(io, { [type]: result.value });
    return ExitCode.ok;
  },
};
