import { describe, expect, it } from 'vitest';
import { exampleData, runCli } from '../test/capture.js';

describe('bangkom ipasn', () => {
  it('prints the office report: profile, scores with category and trace, summary', async () => {
    const { code, stdout } = await runCli(['ipasn', exampleData('ipasn-office.json'), '--year', '2025']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.profile).toBe('permenpanrb-38-2018');
    expect(out.scores.length).toBeGreaterThan(0);
    for (const s of out.scores) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['nip', 'year', 'total', 'category', 'dimensions', 'unverified', 'trace']));
      expect(['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah']).toContain(s.category);
      expect(s.year).toBe(2025);
    }
    expect(out.summary.unverifiedValuesUsed).toBe(true);
  });

  it('reports the workflow with the current and late steps', async () => {
    const { code, stdout } = await runCli(['ipasn', 'workflow', exampleData('ipasn-workflow.json')]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect([out.currentStep, out.lateSteps]).toEqual([5, [4]]);
    expect(out.steps).toHaveLength(12);
  });

  it('exits 2 on bad input', async () => {
    const { code, stdout } = await runCli(['ipasn', exampleData('idp-valid.json'), '--year', '2025']);
    expect([code, stdout]).toEqual([2, '']);
    expect((await runCli(['ipasn', exampleData('ipasn-office.json'), '--year', '1999'])).code).toBe(2);
  });
});
