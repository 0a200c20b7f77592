import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCsv } from '@bangkom/domain';
import { computeJp } from '@bangkom/jp';
import { describe, expect, it } from 'vitest';
import { exampleData, runCli } from '../test/capture.js';
import type { RowBatch } from './read.js';
import { InputError, readCsvInput, readJsonInput, readNdjsonInput } from './read.js';
import { runJp } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'bangkom-stream-'));
const file = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const office = JSON.parse(readFileSync(exampleData('office.json'), 'utf8')) as {
  employees: Record<string, unknown>[];
  activities: Record<string, unknown>[];
};
const FIELDS = [
  'id',
  'nip',
  'method',
  'title',
  'organizer',
  'international',
  'startDate',
  'endDate',
  'days',
  'sessions',
  'hours',
  'programmeJp',
  'statedJp',
  'runByWorkUnit',
  'competencyType',
  'status',
];
// CSV has no column for evidence (a nested record).
const plainActivities = office.activities.map(({ evidence: _, ...a }) => a);

async function collect(read: (sink: (b: RowBatch) => void) => Promise<unknown>) {
  const rows: Record<string, unknown[]> = { activities: [], employees: [] };
  await read((b) => {
    expect(b.firstIndex).toBe(rows[b.collection]!.length);
    rows[b.collection]!.push(...b.rows);
  });
  return rows;
}

describe('streamed input', () => {
  it('reads the JSON input element by element whatever the chunk size, strings with brackets and escapes included', async () => {
    const tricky = { ...office.activities[0], id: 'x"]},{[\\', title: 'Judul "kutip" \\ ] } , [ {' };
    const input = { note: { deep: [1, { activities: [] }] }, activities: [...office.activities, tricky], employees: office.employees };
    const path = file('office.json', JSON.stringify(input, null, 1));
    for (const chunk of [7, 64, 1000, 1 << 20]) {
      const rows = await collect((sink) => readJsonInput(path, sink, chunk));
      expect(rows).toEqual({ activities: input.activities, employees: input.employees });
    }
  });

  it('reports a syntax error anywhere in the JSON, inside an activity or around the arrays', async () => {
    const good = JSON.stringify({ activities: office.activities.slice(0, 3) });
    const cases = [
      good.replace('"method"', 'method'),
      good.replace('}]}', '},]}'),
      good.slice(0, -1),
      `${good} x`,
      '[1,2]',
      '{"activities": 3}',
    ];
    for (const text of cases) {
      const path = file('bad.json', text);
      await expect(collect((sink) => readJsonInput(path, sink, 16))).rejects.toBeInstanceOf(InputError);
    }
    const inside = file('inside.json', good.replace('"method"', 'method'));
    const error = await collect((sink) => readJsonInput(inside, sink)).catch((e: InputError) => e);
    expect((error as InputError).problems[0]!.path).toEqual(['activities', 0]);
  });

  it('reads NDJSON and CSV row by row with their line numbers', async () => {
    const ndjson = file('a.ndjson', office.activities.map((a) => JSON.stringify(a)).join('\n\n') + '\n');
    const rows: unknown[] = [];
    const lines: number[] = [];
    await readNdjsonInput(
      ndjson,
      (b) => {
        rows.push(...b.rows);
        lines.push(...b.lines!);
      },
      50,
    );
    expect(rows).toEqual(office.activities);
    expect(lines).toEqual(office.activities.map((_, i) => 1 + 2 * i));

    const text = toCsv(
      [
        ['id', 'title', 'note'],
        ['a', 'x', 'plain'],
        ['b', 'two\nlines; "quoted"', 'z'],
        ['c', 'y', ''],
      ],
      ';',
    );
    const csv = file('a.csv', `\uFEFF${text}`);
    for (const chunk of [5, 1 << 20]) {
      const got: { line: number; cells: string[] }[] = [];
      const header = await readCsvInput(csv, (_, r) => got.push(...r), chunk);
      expect(header).toEqual(['id', 'title', 'note']);
      expect(got).toEqual([
        { line: 2, cells: ['a', 'x', 'plain'] },
        { line: 3, cells: ['b', 'two\nlines; "quoted"', 'z'] },
        { line: 5, cells: ['c', 'y', ''] },
      ]);
    }
  });
});

describe('bangkom jp on batches of employees', () => {
  it('gives what one engine call over the whole input gives, for JSON, NDJSON and CSV input', async () => {
    const expected = computeJp(office, { year: 2025 });
    if (!expected.ok) throw new Error('example office must compute');
    const json = file('o.json', JSON.stringify(office));
    for (const batchSize of [1, 4, 1000]) {
      const result = await runJp({ file: json, year: 2025, projected: false, trace: 'full', batchSize });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const { run } = result;
      expect(run.summaries).toEqual(expected.value.summaries);
      expected.value.results.forEach((r, i) => {
        expect([run.activities[i]!.id, run.jp[i], run.convertedJp[i], run.year[i], JSON.parse(run.traces[i]!)]).toEqual([
          r.id,
          r.jp,
          r.convertedJp,
          r.year,
          r.trace,
        ]);
      });
    }
    // Without a year: every listed employee gets every year of the run, as in one call.
    const all = computeJp(office);
    const batched = await runJp({ file: json, projected: true, trace: 'none', batchSize: 2 });
    const projected = computeJp(office, { projected: true });
    if (!all.ok || !batched.ok || !projected.ok) throw new Error('must compute');
    expect(batched.run.summaries).toEqual(projected.value.summaries);

    const plain = { employees: office.employees, activities: plainActivities };
    const reference = computeJp(plain, { year: 2025 });
    if (!reference.ok) throw new Error('must compute');
    const ndjson = file('o.ndjson', plainActivities.map((a) => JSON.stringify(a)).join('\n'));
    const csv = file('o.csv', toCsv([FIELDS, ...plainActivities.map((a) => FIELDS.map((f) => a[f] as string))]));
    const employees = file('employees.json', JSON.stringify(office.employees));
    for (const input of [ndjson, csv]) {
      const result = await runJp({ file: input, employeesFile: employees, year: 2025, projected: false, trace: 'summary', batchSize: 3 });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.run.summaries).toEqual(reference.value.summaries);
      expect(Array.from(result.run.jp)).toEqual(reference.value.results.map((r) => r.jp));
      expect(JSON.parse(result.run.traces[0] as string)).toEqual(
        reference.value.results[0]!.trace.map((s) => ({
          rule: s.rule,
          citation: s.citation,
          ...(s.value !== undefined ? { value: s.value } : {}),
        })),
      );
    }
  });

  it('writes JSON, NDJSON and a file given by --out with the traces asked for', async () => {
    const input = file('w.json', JSON.stringify(office));
    const full = JSON.parse((await runCli(['jp', input, '--year', '2025'])).stdout);
    const summary = JSON.parse((await runCli(['jp', input, '--year', '2025', '--trace', 'summary'])).stdout);
    const none = JSON.parse((await runCli(['jp', input, '--year', '2025', '--trace', 'none'])).stdout);
    const only = JSON.parse((await runCli(['jp', input, '--year', '2025', '--summaries-only'])).stdout);
    expect(full.results[0].trace[0]).toHaveProperty('description');
    expect(summary.results[0].trace[0]).toEqual({
      rule: full.results[0].trace[0].rule,
      citation: full.results[0].trace[0].citation,
      value: full.results[0].trace[0].value,
    });
    expect(none.results[0]).not.toHaveProperty('trace');
    expect(Object.keys(only)).toEqual(['profile', 'summaries', 'warnings']);
    expect(only.summaries).toEqual(full.summaries);

    const { stdout } = await runCli(['jp', input, '--year', '2025', '--format', 'ndjson', '--trace', 'none']);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ type: 'run', profile: full.profile });
    expect(lines.filter((l) => l.type === 'result').map(({ type: _, ...r }) => r)).toEqual(none.results);
    expect(lines.filter((l) => l.type === 'summary').map(({ type: _, ...s }) => s)).toEqual(full.summaries);

    const dir = join(tmp, 'out');
    const target = join(dir, 'jp.json');
    const written = await runCli(['jp', input, '--year', '2025', '--out', target]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(full);
    expect(readdirSync(dir)).toEqual(['jp.json']);
  });

  it('--skip-invalid sets aside rows the schema or the rules refuse, reports them with their line on stderr, exit 1', async () => {
    const rows = plainActivities.slice(0, 4).map((a) => ({ ...a }));
    rows[1] = { ...rows[1]!, startDate: '2025-02-30' }; // not a date
    rows[2] = { ...rows[2]!, id: 'old', startDate: '2023-08-01', endDate: '2023-08-02' }; // before any rule was in force
    rows[3] = { ...rows[3]!, id: rows[0]!['id'] }; // a repeated id
    const input = file('skip.ndjson', rows.map((r) => JSON.stringify(r)).join('\n'));
    const strict = await runCli(['jp', input]);
    expect([strict.code, strict.stdout]).toEqual([2, '']);
    const { code, stdout, stderr } = await runCli(['jp', input, '--skip-invalid', '--format', 'ndjson', '--trace', 'none']);
    expect(code).toBe(1);
    const results = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.type === 'result');
    expect(results.map((r) => [r.id, r.counted])).toEqual([
      [rows[0]!['id'], results[0].counted],
      [rows[1]!['id'], false],
      ['old', false],
      [rows[0]!['id'], false],
    ]);
    expect(results.slice(1).map((r) => r.jp)).toEqual([0, 0, 0]);
    const problems = JSON.parse(stderr).errors as { pointer: string; row: number }[];
    expect(problems.map((p) => [p.pointer.split('/').slice(0, 3).join('/'), p.row])).toEqual([
      ['/activities/1', 2],
      ['/activities/3', 4],
      ['/activities/2', 3],
    ]);
  });

  it('reports bad rows of an NDJSON or CSV file with their line, and writes nothing', async () => {
    const rows = plainActivities.slice(0, 3).map((a) => JSON.stringify(a));
    rows[1] = JSON.stringify({ ...plainActivities[1], startDate: '2025-02-30' });
    const ndjson = await runCli(['jp', file('bad.ndjson', rows.join('\n')), '--out', join(tmp, 'never.json')]);
    expect(ndjson.code).toBe(2);
    expect(JSON.parse(ndjson.stderr).errors[0]).toMatchObject({ pointer: '/activities/1/startDate', row: 2 });
    expect(readdirSync(tmp)).not.toContain('never.json');
    const csv = await runCli([
      'jp',
      file('bad.csv', 'id,nip,method,title,startDate,endDate,sessions\nc1,198503122010011004,coaching,C,2025-04-01,2025-04-01,dua\n'),
    ]);
    expect(csv.code).toBe(2);
    expect(csv.stdout).toBe('');
    expect(JSON.parse(csv.stderr).errors[0]).toMatchObject({ code: 'csv.not_a_number', row: 2, column: 'sessions' });
  });
});
