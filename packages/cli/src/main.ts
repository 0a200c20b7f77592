import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { commands } from './commands/index.js';
import type { Io, OutputFormat } from './io.js';
import { ExitCode, reportProblems } from './io.js';

const FORMATS = ['json', 'table'] as const;

function help(io: Io): number {
  const width = Math.max(...commands.map((c) => c.name.length));
  io.stdout(
    [
      'bangkom — pengembangan kompetensi ASN / competency development of civil servants',
      '',
      'Penggunaan / usage: bangkom <perintah/command> [argumen] [--format json|table]',
      '',
      ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      '',
      'Kode keluar / exit codes: 0 ok, 1 aturan tidak terpenuhi / rule not met, 2 masukan salah / bad input.',
      'Run `bangkom <command> --help` for its usage.',
      '',
    ].join('\n'),
  );
  return ExitCode.ok;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return help(io);
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    return reportProblems(
      io,
      [{ path: [], code: 'cli.unknown_command', message: { id: `Perintah tidak dikenal: ${name}`, en: `Unknown command: ${name}` } }],
      'json',
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return reportProblems(
      io,
      [
        {
          path: [],
          code: 'cli.bad_arguments',
          message: {
            id: `Argumen salah: ${reason}. Penggunaan: ${command.usage}`,
            en: `Bad arguments: ${reason}. Usage: ${command.usage}`,
          },
        },
      ],
      'json',
    );
  }
  if (parsed.values.help) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return ExitCode.ok;
  }
  const format = (parsed.values.format ?? 'json') as string;
  const formats: string[] = [...FORMATS, ...(command.extraFormats ?? [])];
  if (!formats.includes(format)) {
    return reportProblems(
      io,
      [
        {
          path: ['--format'],
          code: 'cli.bad_format',
          message: { id: `Format harus ${formats.join('/')}, bukan ${format}`, en: `Format must be ${formats.join('/')}, not ${format}` },
        },
      ],
      'json',
    );
  }
  try {
    return await command.run(
      {
        positionals: parsed.positionals,
        options: parsed.values as Record<string, string | boolean | undefined>,
        format: format as OutputFormat,
      },
      io,
    );
  } catch (error) {
    // A defect, not bad input: say so plainly instead of printing a stack trace at the user.
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`bangkom: internal error / galat internal: ${reason}\n`);
    return 3;
  }
}
