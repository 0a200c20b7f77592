import { parseArgs } from 'node:util';
import type { Problem } from '@bangkom/domain';
import type { CommandSpec } from './command.js';
import type { Io, OutputFormat } from './io.js';
import { ExitCode, reportProblems } from './io.js';
import { packageVersion } from './paths.js';
import { commands } from './registry.js';
import { closest } from './suggest.js';

const FORMATS = ['json', 'table'] as const;

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'bangkom — pengembangan kompetensi ASN / competency development of civil servants',
    '',
    'Penggunaan / usage: bangkom <perintah/command> [argumen] [--format json|table]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Kode keluar / exit codes: 0 ok, 1 aturan tidak terpenuhi / rule not met, 2 masukan salah / bad input,',
    '3 galat internal / internal error.',
    'Bantuan per perintah / help on a command: bangkom <command> --help. Versi / version: bangkom --version.',
    '',
  ].join('\n');
}

/** The `--format` the user wrote, if any, read before the arguments are checked (to word errors about them). */
function formatWritten(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return undefined;
    if (arg === '--format') return args[i + 1];
    if (arg.startsWith('--format=')) return arg.slice('--format='.length);
  }
  return undefined;
}

/** A mistake in how the command was called: one sentence in both languages, then the usage. */
function usageError(io: Io, spec: CommandSpec | undefined, path: string, code: string, id: string, en: string): number {
  const usage = spec ? spec.usage : 'bangkom <command> [argumen] [--format json|table]';
  const problem: Problem = {
    path: path ? [path] : [],
    code,
    message: { id: `${id}. Penggunaan: ${usage}`, en: `${en}. Usage: ${usage}` },
  };
  if (io.readableErrors) {
    const list = spec ? '' : `\nPerintah / commands: ${commands.map((c) => c.name).join(', ')}\n`;
    io.stderr(`bangkom${spec ? ` ${spec.name}` : ''}: ${id} / ${en}\nPenggunaan / usage: ${usage}\n${list}`);
    return ExitCode.badInput;
  }
  return reportProblems(io, [problem], 'json');
}

const didYouMean = (suggestion: string | undefined) =>
  suggestion ? { id: ` (maksud Anda ${suggestion}?)`, en: ` (did you mean ${suggestion}?)` } : { id: '', en: '' };

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const written = formatWritten(argv);
  // Errors are JSON for programs (the default, and whenever --format json is asked), readable for
  // people: with --format table, or on a terminal when no format was asked.
  const errorIo: Io = { ...io, readableErrors: written === 'table' || (written === undefined && io.stderrIsTTY === true) };
  if (name === undefined) {
    io.stderr(helpText());
    return ExitCode.badInput;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return ExitCode.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const spec = commands.find((c) => c.name === name);
  if (!spec) {
    const suggestion = closest(
      name,
      commands.map((c) => c.name),
    );
    const hint = didYouMean(suggestion && `bangkom ${suggestion}`);
    return usageError(
      errorIo,
      undefined,
      '',
      'cli.unknown_command',
      `perintah tidak dikenal: ${name}${hint.id}`,
      `unknown command: ${name}${hint.en}`,
    );
  }
  const known = { ...spec.options, format: { type: 'string' as const }, help: { type: 'boolean' as const, short: 'h' } };
  for (const arg of rest) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) continue;
    const option = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : arg.slice(1);
    if (arg.startsWith('--') ? option in known : option === 'h') continue;
    const suggestion = closest(option.replace(/^-+/, ''), Object.keys(known));
    const hint = didYouMean(suggestion && `--${suggestion}`);
    return usageError(errorIo, spec, arg, 'cli.unknown_option', `opsi tidak dikenal: ${arg}${hint.id}`, `unknown option: ${arg}${hint.en}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: known });
  } catch (error) {
    // Node's own wording talks about its parser; name the option and what it needs instead.
    const text = error instanceof Error ? error.message : String(error);
    const option = /'(--?[\w-]+)/.exec(text)?.[1] ?? '';
    const needsValue = option !== '' && known[option.replace(/^--?/, '') as keyof typeof known]?.type === 'string';
    return needsValue
      ? usageError(errorIo, spec, option, 'cli.missing_value', `${option} memerlukan nilai`, `${option} needs a value`)
      : usageError(errorIo, spec, option, 'cli.bad_arguments', `opsi ${option} tidak menerima nilai`, `option ${option} takes no value`);
  }
  if (parsed.values.help) {
    io.stdout(`${spec.summary}\n\nPenggunaan / usage: ${spec.usage}\n`);
    return ExitCode.ok;
  }
  const most = typeof spec.positionals === 'number' ? spec.positionals : spec.positionals(parsed.positionals[0]);
  if (parsed.positionals.length > most) {
    const extra = parsed.positionals[most]!;
    // `npm run bangkom jp f --year 2025` without `--` leaves a bare 2025: say what probably happened.
    const npmHint = /^\d{4}$/.test(extra)
      ? {
          id: ' (lewat npm run? tulis -- sebelum opsi, atau pakai npx bangkom)',
          en: ' (through npm run? put -- before the options, or use npx bangkom)',
        }
      : { id: '', en: '' };
    return usageError(
      errorIo,
      spec,
      extra,
      'cli.unexpected_argument',
      `argumen tak terduga: ${extra}${npmHint.id}`,
      `unexpected argument: ${extra}${npmHint.en}`,
    );
  }
  const format = parsed.values.format ?? 'json';
  const formats: string[] = [...FORMATS, ...(spec.extraFormats ?? [])];
  if (!formats.includes(format)) {
    const hint = didYouMean(closest(format, formats));
    return usageError(
      errorIo,
      spec,
      '--format',
      'cli.bad_format',
      `--format harus ${formats.join('/')}, bukan ${format}${hint.id}`,
      `--format must be ${formats.join('/')}, not ${format}${hint.en}`,
    );
  }
  try {
    const command = await spec.load();
    return await command.run(
      {
        positionals: parsed.positionals,
        options: parsed.values as Record<string, string | boolean | undefined>,
        format: format as OutputFormat,
      },
      errorIo,
    );
  } catch (error) {
    // A defect, not bad input: say so plainly instead of printing a stack trace at the user.
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`bangkom: internal error / galat internal: ${reason}\n`);
    return ExitCode.internalError;
  }
}
