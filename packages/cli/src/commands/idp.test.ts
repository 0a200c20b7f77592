import { describe, expect, it } from 'vitest';
import { exampleData, runCli } from '../test/capture.js';

describe('bangkom idp', () => {
  it('exits 0 for a valid plan with { valid, issues, summary }', async () => {
    const { code, stdout } = await runCli(['idp', exampleData('idp-valid.json'), '--as-of', '2026-01-15']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['valid', 'issues', 'summary']);
    expect(out.valid).toBe(true);
    expect(out.issues.map((i: { code: string }) => i.code)).toEqual(['plan.mix']);
  });

  it('exits 1 for an invalid plan, each issue with code, severity, pointer, message and source', async () => {
    const { code, stdout } = await runCli(['idp', exampleData('idp-invalid.json'), '--profile', 'pupr-2023', '--as-of', '2026-01-15']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    const codes = out.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['plan.total_below_minimum', 'plan.approval_late', 'plan.limit_reduces_jp', 'plan.jp_mismatch']),
    );
    for (const i of out.issues) expect(Object.keys(i).sort()).toEqual(['code', 'message', 'path', 'severity', 'source']);
  });

  it('validates a unit file and totals it per unit', async () => {
    const { code, stdout } = await runCli(['idp', exampleData('idp-unit.json'), '--as-of', '2026-01-15']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.units.map((u: { unit: string }) => u.unit)).toEqual(['Bidang Bina Marga', 'Bidang Cipta Karya']);
  });

  it('recommends methods for a need', async () => {
    const { code, stdout } = await runCli(['idp', 'recommend', exampleData('idp-need.json')]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.recommended[0].method).toBe('coaching');
    expect(out.excluded.length).toBeGreaterThan(0);
  });

  it('exits 2 for a plan that is not a plan', async () => {
    const { code, stdout, stderr } = await runCli(['idp', exampleData('office.json')]);
    expect([code, stdout]).toEqual([2, '']);
    expect(JSON.parse(stderr).errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/year', '/items']));
  });
});
