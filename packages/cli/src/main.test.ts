import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { learningMethodCodes } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import { packageFile } from './paths.js';
import { commands } from './registry.js';
import { closest } from './suggest.js';
import { exampleData, runCli } from './test/capture.js';
import { spawnCli } from './test/spawn.js';

// Each spawned process starts Node and the TypeScript loader: seconds on a busy machine.
const SPAWN_BUDGET = 60_000;
const activityFile = exampleData('office.json');

describe('bangkom as a process', () => {
  it(
    'prints the help on stderr and exits 2 without a command; --help exits 0 on stdout',
    async () => {
      const [bare, help] = await Promise.all([spawnCli([]), spawnCli(['--help'])]);
      expect(bare.code).toBe(2);
      expect(bare.stdout).toBe('');
      for (const c of commands) expect(bare.stderr).toContain(`  ${c.name} `);
      expect(help.code).toBe(0);
      expect(help.stdout).toBe(bare.stderr);
    },
    SPAWN_BUDGET,
  );

  it(
    'refuses an unknown command with a suggestion and the list of commands, readable with --format table',
    async () => {
      const [json, table] = await Promise.all([spawnCli(['valdate']), spawnCli(['frobnicate', '--format', 'table'])]);
      expect(json.code).toBe(2);
      expect(json.stdout).toBe('');
      const [error] = JSON.parse(json.stderr).errors;
      expect(error.code).toBe('cli.unknown_command');
      expect(error.message.en).toContain('did you mean bangkom validate?');
      expect(table.code).toBe(2);
      expect(table.stdout).toBe('');
      expect(table.stderr.split('\n')[0]).toBe('bangkom: perintah tidak dikenal: frobnicate / unknown command: frobnicate');
      expect(table.stderr).toContain(commands.map((c) => c.name).join(', '));
      expect(() => JSON.parse(table.stderr)).toThrow();
    },
    SPAWN_BUDGET,
  );

  it(
    'refuses an unknown option and a stray positional (npm ate the options) with one sentence and the usage',
    async () => {
      const [typo, stray] = await Promise.all([
        spawnCli(['jp', activityFile, '--yaer', '2025', '--format', 'table']),
        // What `npm run bangkom jp file --year 2025 --format table` passes on without `--`.
        spawnCli(['jp', activityFile, '2025']),
      ]);
      expect(typo.code).toBe(2);
      expect(typo.stdout).toBe('');
      expect(typo.stderr).toContain('unknown option: --yaer (did you mean --year?)');
      expect(typo.stderr).toContain(`Penggunaan / usage: ${commands.find((c) => c.name === 'jp')!.usage}`);
      expect(typo.stderr).not.toContain("'--'");
      expect(stray.code).toBe(2);
      expect(stray.stdout).toBe('');
      const [error] = JSON.parse(stray.stderr).errors;
      expect(error.code).toBe('cli.unexpected_argument');
      expect(error.message.en).toMatch(/^unexpected argument: 2025 .*put -- before the options/);
    },
    SPAWN_BUDGET,
  );

  it(
    'prints its version and runs the demo from an empty folder with the office shipped in the package',
    async () => {
      const empty = mkdtempSync(join(tmpdir(), 'bangkom-empty-'));
      const [version, demo] = await Promise.all([spawnCli(['--version']), spawnCli(['demo'], { cwd: empty })]);
      expect(version.code).toBe(0);
      expect(version.stdout).toBe(`${JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).version}\n`);
      expect(demo.stderr).toBe('');
      expect(demo.code).toBe(0);
      expect(demo.stdout).toContain('Per unit kerja');
    },
    SPAWN_BUDGET,
  );
});

describe('bangkom in process', () => {
  it('ships the example office of the repository unchanged for the demo', () => {
    expect(readFileSync(packageFile('data/office.json'), 'utf8')).toBe(readFileSync(exampleData('office.json'), 'utf8'));
  });

  it('lists the 26 methods with names and sources', async () => {
    const { code, stdout } = await runCli(['methods']);
    expect(code).toBe(0);
    const { methods } = JSON.parse(stdout);
    expect(methods.map((m: { code: string }) => m.code)).toEqual(learningMethodCodes);
    for (const m of methods)
      expect(m).toEqual({
        code: m.code,
        path: expect.any(String),
        name: { id: expect.any(String), en: expect.any(String) },
        source: expect.stringMatching(/\[[A-Z]\]/),
      });
    const table = await runCli(['methods', '--format', 'table']);
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(2 + learningMethodCodes.length);
  });

  it('summarises the list of methods in an error instead of printing all of them twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangkom-methods-'));
    const file = join(dir, 'a.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      JSON.stringify({
        activities: [
          { id: 'a', nip: '198503122010011004', method: 'kursus_x', title: 'T', startDate: '2025-01-01', endDate: '2025-01-01' },
        ],
      }),
    );
    const { code, stderr } = await runCli(['jp', file]);
    expect(code).toBe(2);
    const [error] = JSON.parse(stderr).errors;
    expect(error.pointer).toBe('/activities/0/method');
    expect(error.message.id).toBe(
      `Pilihan tidak valid: harus salah satu dari ${learningMethodCodes.length} metode; lihat \`bangkom methods\``,
    );
    expect(error.message.en).not.toContain('pelatihan_dasar');
  });

  it('names the option that lacks a value, and refuses a bad format with a suggestion', async () => {
    const missing = await runCli(['jp', activityFile, '--year']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr).errors[0]).toMatchObject({ code: 'cli.missing_value', pointer: '/--year' });
    const format = await runCli(['nip', '198503122010011004', '--format', 'tabel']);
    expect(format.code).toBe(2);
    expect(JSON.parse(format.stderr).errors[0].message.en).toContain('(did you mean table?)');
  });

  it('refuses a positional beyond what each command (or subcommand) takes', async () => {
    for (const argv of [
      ['tubel', 'a.json', 'extra'],
      ['idp', 'plan.json', 'extra'],
      ['idp', 'recommend', 'need.json', 'extra'],
      ['ipasn', 'workflow', 'steps.json', 'extra'],
      ['methods', 'extra'],
    ]) {
      const { code, stdout, stderr } = await runCli(argv);
      expect([code, stdout]).toEqual([2, '']);
      expect(JSON.parse(stderr).errors[0]).toMatchObject({ code: 'cli.unexpected_argument', pointer: '/extra' });
    }
  });

  it('suggests only close names', () => {
    expect(closest('valdate', ['validate', 'jp'])).toBe('validate');
    expect(closest('tabel', ['json', 'table'])).toBe('table');
    expect(closest('zzz', ['validate', 'jp'])).toBeUndefined();
  });
});
