import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleData, runCli } from '../test/capture.js';

describe('bangkom tubel', () => {
  it('exits 0 for an eligible candidate, with every criterion and the dates', async () => {
    const { code, stdout } = await runCli(['tubel', exampleData('tubel-eligible.json'), '--as-of', '2026-06-01']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.eligible).toBe(true);
    expect(out.criteria).toHaveLength(19);
    for (const c of out.criteria) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'status', 'reason', 'source']));
    expect(out.dates).toMatchObject({ retirementDate: '2043-04-01', plannedEnd: '2028-08-31', reportToPpkBy: '2028-09-15' });
  });

  it('exits 1 for a candidate who is not eligible yet, naming when they will be', async () => {
    const { code, stdout } = await runCli(['tubel', exampleData('tubel-not-eligible.json'), '--as-of', '2026-06-01']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.criteria.filter((c: { status: string }) => c.status === 'fail').map((c: { id: string }) => c.id)).toEqual([
      'art28a.service_one_year',
      'art29.gap_after_previous',
    ]);
    expect(out.dates.earliestEligibleDate).toBe('2027-06-30');
  });

  it('exits 2 on bad input, with paths and nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangkom-tubel-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ candidate: { nip: '19850312' }, programme: { level: 'S2' } }));
    const { code, stdout, stderr } = await runCli(['tubel', file]);
    expect([code, stdout]).toEqual([2, '']);
    const pointers = JSON.parse(stderr).errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/candidate/nip', '/programme/normativeDurationMonths', '/programme/location']));
    expect((await runCli(['tubel', exampleData('tubel-eligible.json'), '--as-of', '1 Juni 2026'])).code).toBe(2);
  });
});
