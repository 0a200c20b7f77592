import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleData, runCli } from '../test/capture.js';

const tmp = mkdtempSync(join(tmpdir(), 'bangkom-jp-'));
const file = (name: string, content: unknown) => {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const NIP = '198503122010011004';
const seminar = { id: 's1', nip: NIP, method: 'seminar', title: 'Seminar', startDate: '2025-03-03', endDate: '2025-03-04' };

describe('bangkom jp', () => {
  it('prints results with traces and yearly summaries for the example office', async () => {
    const { code, stdout, stderr } = await runCli(['jp', exampleData('office.json'), '--year', '2025']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const office = JSON.parse(readFileSync(exampleData('office.json'), 'utf8'));
    expect(out.profile).toBe('kutai-barat-2024');
    expect(out.results).toHaveLength(office.activities.length);
    expect(out.summaries).toHaveLength(office.employees.length);
    for (const r of out.results) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'nip', 'jp', 'counted', 'trace']));
      expect(r.trace.length).toBeGreaterThan(0);
    }
    for (const s of out.summaries) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['nip', 'year', 'jp', 'required', 'compliant', 'shortfall']));
      expect(s.compliant).toBe(s.jp >= s.required && (s.cap === undefined || s.jp <= s.cap));
    }
    // Summaries add up the JP that counts.
    const total = out.results.filter((r: { year: number }) => r.year === 2025).reduce((n: number, r: { jp: number }) => n + r.jp, 0);
    const summed = out.summaries.reduce((n: number, s: { jp: number }) => n + s.jp, 0);
    expect(Math.abs(total - summed)).toBeLessThan(0.01);
  });

  it('treats an activity without an employee as PNS and applies a chosen profile', async () => {
    const input = file('one.json', { activities: [{ ...seminar, international: true }] });
    const { code, stdout } = await runCli(['jp', input, '--profile', 'pupr-2023']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.profile).toBe('pupr-2023');
    expect(out.results[0]).toMatchObject({ id: 's1', jp: 12, counted: true });
    expect(out.summaries).toEqual([
      expect.objectContaining({ nip: NIP, year: 2025, jp: 12, required: 20, compliant: false, shortfall: 8 }),
    ]);
  });

  it('--skip-invalid sets aside what no profile can convert, computes the rest and exits 1 with the problems on stderr', async () => {
    // [K] Diktum KEEMPAT: kutai-barat-2024 is in force from 2024-05-03, so a 2023 training has no rule.
    const input = file('real.json', {
      activities: [seminar, { ...seminar, id: 'old', startDate: '2023-08-01', endDate: '2023-08-02' }],
    });
    const strict = await runCli(['jp', input]);
    expect(strict.code).toBe(2);
    const skipped = await runCli(['jp', input, '--skip-invalid']);
    expect(skipped.code).toBe(1);
    const out = JSON.parse(skipped.stdout);
    expect(out.results.map((r: { id: string; jp: number; counted: boolean }) => [r.id, r.jp, r.counted])).toEqual([
      ['s1', 8, true],
      ['old', 0, false],
    ]);
    expect(skipped.stderr).toContain('/activities/1/endDate');
    expect(skipped.stderr).toContain('2023-08-02');
  });

  it('does not evaluate activities outside --year', async () => {
    const input = file('years.json', {
      activities: [seminar, { ...seminar, id: 'old', startDate: '2023-08-01', endDate: '2023-08-02' }],
    });
    const { code, stdout } = await runCli(['jp', input, '--year', '2025']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results.map((r: { id: string }) => r.id)).toEqual(['s1']);
  });

  it('counts submitted activities only with --projected', async () => {
    const input = file('projected.json', { activities: [{ ...seminar, status: 'submitted' }] });
    const plain = JSON.parse((await runCli(['jp', input])).stdout);
    const projected = JSON.parse((await runCli(['jp', input, '--projected'])).stdout);
    expect([plain.summaries[0].jp, projected.summaries[0].jp]).toEqual([0, 8]);
  });

  it('reads a CSV with the field names as headers', async () => {
    const csv = file(
      'a.csv',
      `id;nip;method;title;startDate;endDate;sessions;international\nc1;${NIP};coaching;Coaching;2025-04-01;2025-04-01;2;ya\n`,
    );
    const out = JSON.parse((await runCli(['jp', csv])).stdout);
    expect(out.results[0]).toMatchObject({ id: 'c1', jp: 8 });
  });

  it('loads an agency profile file given to --profile', async () => {
    const profile = file('agency.json', {
      id: 'dinas-contoh-2025',
      title: 'Pedoman Dinas Contoh',
      document: { title: 'SK', number: 'SK 1/2025', date: '2025-01-02', mark: '[A]' },
      extends: 'kutai-barat-2024',
      effectiveFrom: { value: '2025-01-02', source: '[A] Diktum 3' },
      methods: { seminar: { rate: { domestic: 3, international: 5, source: '[A] Lampiran 1' } } },
    });
    const out = JSON.parse((await runCli(['jp', file('s.json', { activities: [seminar] }), '--profile', profile])).stdout);
    expect(out.results[0].jp).toBe(6);
  });

  it('exits 2 with every bad activity on stderr and nothing on stdout', async () => {
    const input = file('bad.json', {
      activities: [seminar, { ...seminar, id: 's2', method: 'kursus' }, { ...seminar, id: 's3', startDate: '2025-13-01' }],
    });
    const { code, stdout, stderr } = await runCli(['jp', input]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const pointers = JSON.parse(stderr).errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(['/activities/2/startDate']);
    const second = await runCli(['jp', file('bad2.json', { activities: [seminar, { ...seminar, id: 's2', method: 'kursus' }] })]);
    expect(JSON.parse(second.stderr).errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['/activities/1/programmeJp', 'jp.missing_input'],
    ]);
  });

  it('refuses an unknown profile, a bad year and a bad profile file', async () => {
    const input = file('ok.json', { activities: [seminar] });
    expect((await runCli(['jp', input, '--profile', 'nowhere'])).code).toBe(2);
    expect((await runCli(['jp', input, '--year', '25'])).code).toBe(2);
    const badProfile = await runCli(['jp', input, '--profile', file('bad-profile.json', { id: 'X' })]);
    expect(badProfile.code).toBe(2);
    expect(JSON.parse(badProfile.stderr).errors[0].pointer).toMatch(/^\/--profile/);
  });

  it('prints a readable table', async () => {
    const { code, stdout } = await runCli(['jp', exampleData('office.json'), '--year', '2025', '--format', 'table']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toContain('kekurangan/shortfall');
  });
});

describe('bangkom demo', () => {
  it('tours the example office: compliance table, units and one explanation', async () => {
    const { code, stdout } = await runCli(['demo', exampleData('office.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Per unit kerja');
    expect(stdout).toMatch(/Mengapa [\d.]+ JP\?/);
  });
});
