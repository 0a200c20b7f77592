import type { Problem } from '@bangkom/domain';
import { loadProfile } from '@bangkom/jp';
import type { RuleProfile } from '@bangkom/jp';
import { isProblem, requirePositional, stringOption } from '../args.js';
import type { Command } from '../command.js';
import type { Io } from '../io.js';
import { ExitCode, printTable, readJson, reportProblems } from '../io.js';
import { Output } from '../jp/output.js';
import type { JpRun, TraceMode } from '../jp/run.js';
import { defaultTrace, FULL_TRACE_LIMIT, runJp } from '../jp/run.js';
import { commandSpec } from '../registry.js';

const { usage } = commandSpec('jp');
const TRACES: readonly TraceMode[] = ['none', 'summary', 'full'];

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

const badOption = (option: string, code: string, id: string, en: string): Problem => ({ path: [option], code, message: { id, en } });
/** `counted` as JSON text, by its code in the run (0 false, 1 true, 2 reduced). */
const COUNTED_JSON = ['false', 'true', '"reduced"'] as const;

/**
 * One result as JSON text, the shape of the engine's `ActivityResult` (keys in its order), its
 * trace as asked. Written out field by field: no object and no intermediate text per row. Numbers
 * print as JSON.stringify prints them (finite JP values).
 */
function resultJson(run: JpRun, i: number, trace: TraceMode, type?: string): string {
  const a = run.setAsideRows.get(i);
  const id = a ? a.id : run.activities.id(i);
  const nip = a ? a.nip : run.activities.nip(i);
  const open = type !== undefined ? `{"type":${JSON.stringify(type)},"id":` : '{"id":';
  const body = `${open}${JSON.stringify(id)},"nip":${JSON.stringify(nip)},"jp":${run.jp[i]!},"convertedJp":${run.convertedJp[i]!},"counted":${COUNTED_JSON[run.counted[i]!]},"year":${run.year[i]!}`;
  if (trace === 'none') return `${body}}`;
  return `${body},"trace":${run.traces[i] ?? '[]'}}`;
}

/** Input indices of the rows that have a result (all, or those of `--year`), in input order. */
function evaluatedRows(run: JpRun): Uint32Array {
  let count = 0;
  for (let i = 0; i < run.jp.length; i++) if (run.activities.has(i) || run.setAsideRows.has(i)) count++;
  const rows = new Uint32Array(count);
  for (let i = 0, k = 0; i < run.jp.length; i++) if (run.activities.has(i) || run.setAsideRows.has(i)) rows[k++] = i;
  return rows;
}

/** The JSON document `{ profile, results, summaries, warnings }`, written as it goes (one result per line). */
async function writeJson(out: Output, run: JpRun, trace: TraceMode, summariesOnly: boolean) {
  const list = async (name: string, count: number, item: (k: number) => string, last: boolean) => {
    await out.write(`  ${JSON.stringify(name)}: [`);
    for (let k = 0; k < count; k++) {
      const wait = out.write(`${k === 0 ? '\n' : ',\n'}    ${item(k)}`);
      if (wait) await wait;
    }
    await out.write(`${count > 0 ? '\n  ' : ''}]${last ? '' : ','}\n`);
  };
  await out.write(`{\n  "profile": ${JSON.stringify(run.profile)},\n`);
  const rows = evaluatedRows(run);
  if (!summariesOnly) await list('results', rows.length, (k) => resultJson(run, rows[k]!, trace), false);
  await list('summaries', run.summaries.length, (k) => JSON.stringify(run.summaries[k]), false);
  await list('warnings', run.warnings.length, (k) => JSON.stringify(run.warnings[k]), true);
  await out.write('}\n');
}

/** NDJSON: one object per line, each with its `type` (run, result, summary, warning). */
async function writeNdjson(out: Output, run: JpRun, trace: TraceMode, summariesOnly: boolean) {
  await out.write(`${JSON.stringify({ type: 'run', profile: run.profile })}\n`);
  const lines = async (count: number, line: (k: number) => string) => {
    for (let k = 0; k < count; k++) {
      const wait = out.write(`${line(k)}\n`);
      if (wait) await wait;
    }
  };
  const rows = evaluatedRows(run);
  if (!summariesOnly) await lines(rows.length, (k) => resultJson(run, rows[k]!, trace, 'result'));
  await lines(run.summaries.length, (k) => JSON.stringify({ type: 'summary', ...run.summaries[k] }));
  await lines(run.warnings.length, (k) => JSON.stringify({ type: 'warning', ...run.warnings[k] }));
}

async function writeTable(io: Io, out: string | undefined, run: JpRun) {
  const header = ['NIP', 'tahun/year', 'jenis/kind', 'JP', 'wajib/required', 'kekurangan/shortfall', 'patuh/compliant'];
  const rows = run.summaries.map((s) => [s.nip, s.year, s.kind, s.jp, s.required, s.shortfall, s.compliant ? 'ya/yes' : 'tidak/no']);
  let text = '';
  printTable({ ...io, stdout: (t) => void (text += t) }, header, rows);
  const output = await Output.open(io, out);
  await output.write(text);
  await output.close();
}

export const jpCommand: Command = {
  ...commandSpec('jp'),
  async run(inv, io) {
    const file = requirePositional(inv, 0, 'berkas masukan / input file', usage);
    if (isProblem(file)) return reportProblems(io, [file], inv.format);
    const yearText = stringOption(inv, 'year');
    if (yearText !== undefined && !/^\d{4}$/.test(yearText)) {
      const p = badOption(
        '--year',
        'cli.bad_year',
        `--year harus tahun 4 digit, bukan ${yearText}`,
        `--year must be a 4-digit year, not ${yearText}`,
      );
      return reportProblems(io, [p], inv.format);
    }
    const traceText = stringOption(inv, 'trace');
    if (traceText !== undefined && !TRACES.includes(traceText as TraceMode)) {
      const p = badOption(
        '--trace',
        'cli.bad_trace',
        `--trace harus none, summary atau full, bukan ${traceText}. Penggunaan: ${usage}`,
        `--trace must be none, summary or full, not ${traceText}. Usage: ${usage}`,
      );
      return reportProblems(io, [p], inv.format);
    }
    const summariesOnly = inv.options['summaries-only'] === true || inv.format === 'table';
    const employeesFile = stringOption(inv, 'employees');
    // Without a trace asked for, large inputs get the summary (README: the cost of each).
    const defaulted = traceText === undefined;
    const trace: TraceMode = summariesOnly
      ? 'none'
      : ((traceText as TraceMode | undefined) ?? (await defaultTrace([file, ...(employeesFile ? [employeesFile] : [])])));
    if (defaulted && trace === 'summary')
      io.stderr(
        `catatan/note: masukan > ${FULL_TRACE_LIMIT / 1024 / 1024} MiB: jejak ringkas (--trace full untuk penjelasan lengkap) / input > ${FULL_TRACE_LIMIT / 1024 / 1024} MiB: summary trace (--trace full for the full explanation)\n`,
      );
    const { profile, problems } = await profileOption(stringOption(inv, 'profile'));
    if (problems.length > 0) return reportProblems(io, problems, inv.format);

    const result = await runJp({
      file,
      ...(employeesFile !== undefined ? { employeesFile } : {}),
      ...(profile !== undefined ? { profile } : {}),
      ...(yearText !== undefined ? { year: Number(yearText) } : {}),
      projected: inv.options['projected'] === true,
      trace,
      // --skip-invalid: a record the schema or the rules refuse is set aside (0 JP) and the rest is computed.
      skipInvalid: inv.options['skip-invalid'] === true,
    });
    if (!result.ok) return reportProblems(io, result.problems, inv.format);
    const { run } = result;
    for (const w of run.warnings) io.stderr(`peringatan/warning: ${w.message.id} / ${w.message.en}\n`);
    const outFile = stringOption(inv, 'out');
    // The output is complete for everything else; what was set aside goes to stderr, exit 1.
    const setAside = () => (run.setAside.length > 0 ? (reportProblems(io, run.setAside, inv.format), ExitCode.ruleFailure) : ExitCode.ok);
    if (inv.format === 'table') {
      await writeTable(io, outFile, run);
      return setAside();
    }
    const out = await Output.open(io, outFile);
    try {
      if (inv.format === 'ndjson') await writeNdjson(out, run, trace, summariesOnly);
      else await writeJson(out, run, trace, summariesOnly);
      await out.close();
    } catch (error) {
      await out.abort();
      throw error;
    }
    if (outFile !== undefined) io.stderr(`ditulis / written: ${outFile}\n`);
    return setAside();
  },
};
