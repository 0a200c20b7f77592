import type { Problem } from '@bangkom/domain';
import { Employee, LearningActivity, parseWith } from '@bangkom/domain';
import { isProblem, requirePositional, stringOption } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { csvRecords, ExitCode, isCsvPath, printJson, printTable, readJson, readText, reportProblems } from '../io.js';

const { usage } = commandSpec('validate');

const types = {
  activity: { schema: LearningActivity, collection: 'activities' },
  employee: { schema: Employee, collection: 'employees' },
} as const;
type RecordType = keyof typeof types;

/**
 * Accepts one record, an array of records, or `{ "activities": [...] }` / `{ "employees": [...] }`
 * (the input shape of `bangkom jp`), or a CSV whose header names are the field names.
 */
export const validateCommand: Command = {
  ...commandSpec('validate'),
  async run(inv, io) {
    const file = requirePositional(inv, 0, 'berkas / file', usage);
    if (isProblem(file)) return reportProblems(io, [file], inv.format);
    const type = stringOption(inv, 'type');
    if (type !== 'activity' && type !== 'employee') {
      return reportProblems(
        io,
        [
          {
            path: ['--type'],
            code: 'cli.bad_type',
            message: {
              id: `--type harus activity atau employee. Penggunaan: ${usage}`,
              en: `--type must be activity or employee. Usage: ${usage}`,
            },
          },
        ],
        inv.format,
      );
    }
    const { schema, collection } = types[type as RecordType];

    let records: unknown[];
    let basePath: (string | number)[];
    let lines: number[] | undefined;
    let single = false;
    if (isCsvPath(file)) {
      const text = await readText(file);
      if (!text.ok) return reportProblems(io, text.problems, inv.format);
      const csv = csvRecords(text.value);
      if (!csv.ok) return reportProblems(io, csv.problems, inv.format);
      ({ records, lines } = csv.value);
      basePath = [];
    } else {
      const json = await readJson(file);
      if (!json.ok) return reportProblems(io, json.problems, inv.format);
      const value = json.value;
      if (Array.isArray(value)) [records, basePath] = [value, []];
      else if (value && typeof value === 'object' && Array.isArray((value as Record<string, unknown>)[collection])) {
        [records, basePath] = [(value as Record<string, unknown[]>)[collection]!, [collection]];
      } else [records, basePath, single] = [[value], [], true];
    }

    const problems: Problem[] = [];
    const valid: unknown[] = [];
    records.forEach((record, index) => {
      const result = parseWith(schema, record, single ? [] : [...basePath, index]);
      if (result.ok) valid.push(result.value);
      else {
        const row = lines?.[index];
        problems.push(...result.problems.map((p) => (row === undefined ? p : { ...p, row, column: String(p.path.at(-1) ?? '') })));
      }
    });
    if (problems.length > 0) return reportProblems(io, problems, inv.format);
    if (inv.format === 'table') printTable(io, ['type', 'records', 'valid'], [[type, records.length, 'ya/yes']]);
    else printJson(io, { type, count: valid.length, valid: true });
    return ExitCode.ok;
  },
};
