import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleData, runCli } from '../test/capture.js';

const tmp = mkdtempSync(join(tmpdir(), 'bangkom-validate-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('bangkom validate', () => {
  it('reports a malformed activity with its path and exits 2, printing nothing on stdout', async () => {
    const { code, stdout, stderr } = await runCli(['validate', exampleData('activities-malformed.json'), '--type', 'activity']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const { errors } = JSON.parse(stderr) as { errors: { pointer: string; code: string; message: { id: string; en: string } }[] };
    expect(errors.map((e) => e.pointer)).toEqual(['/activities/1/method', '/activities/1/startDate']);
    expect(errors.every((e) => e.message.id && e.message.en)).toBe(true);
  });

  it('accepts a valid single activity and a valid employee array', async () => {
    const activity = file(
      'one.json',
      JSON.stringify({
        id: 'x',
        nip: '198503122010011004',
        method: 'coaching',
        title: 'Coaching BIM',
        startDate: '2024-01-02',
        endDate: '2024-01-02',
        sessions: 2,
      }),
    );
    const one = await runCli(['validate', activity, '--type', 'activity']);
    expect([one.code, JSON.parse(one.stdout)]).toEqual([0, { type: 'activity', count: 1, valid: true }]);
    const employees = file('emp.json', JSON.stringify([{ name: 'Sari', kind: 'TKK', internalId: 'TKK-01' }]));
    const many = await runCli(['validate', employees, '--type', 'employee']);
    expect(many.code).toBe(0);
  });

  it('reports CSV problems by row and column', async () => {
    const csv = file(
      'a.csv',
      'id;nip;method;title;startDate;endDate;days\nA;198503122010011004;seminar;Seminar;2024-03-01;2024-03-01;1\nB;198503122010011004;seminar;Seminar;2024-03-01;2024-03-01;satu\n',
    );
    const { code, stderr } = await runCli(['validate', csv, '--type', 'activity', '--format', 'table']);
    expect(code).toBe(2);
    expect(stderr).toContain('baris/row 3, days');
    expect(stderr).toContain('csv.not_a_number');
  });

  it('treats unreadable files, invalid JSON and a missing --type as bad input', async () => {
    const broken = file('broken.json', '{ "activities": [');
    for (const argv of [
      ['validate', join(tmp, 'missing.json'), '--type', 'activity'],
      ['validate', broken, '--type', 'activity'],
      ['validate', broken],
    ]) {
      const { code, stdout, stderr } = await runCli(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(JSON.parse(stderr).errors.length).toBeGreaterThan(0);
    }
  });
});

describe('bangkom nip and the shell', () => {
  it('prints the parts of a NIP', async () => {
    const { code, stdout } = await runCli(['nip', '199001152015032001']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ birthDate: '1990-01-15', appointmentMonth: '2015-03', gender: 'P', sequence: 1 });
  });

  it('rejects a bad NIP with exit 2', async () => {
    const { code, stderr } = await runCli(['nip', '1990011520150320']);
    expect(code).toBe(2);
    expect(JSON.parse(stderr).errors[0].code).toBe('nip.length');
  });

  it('rejects unknown commands, options and formats', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['nip', '199001152015032001', '--colour'])).code).toBe(2);
    expect((await runCli(['nip', '199001152015032001', '--format', 'xml'])).code).toBe(2);
  });

  it('lists every command in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/validate[\s\S]*nip/);
  });
});
