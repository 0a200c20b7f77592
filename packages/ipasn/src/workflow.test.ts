import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, reconciliationWorkflow, workflowProgress } from './workflow.js';

/** Budget of the generated-input (property) and document tests on a busy 2-core machine; they take seconds when idle. */
const HEAVY_TEST_BUDGET_MS = 60_000;

describe('working days', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it.each([
    ['2025-12-05', 1, [], '2025-12-08'], // Friday + 1 → Monday
    ['2025-12-05', 3, [], '2025-12-10'],
    ['2024-12-24', 1, [], '2024-12-26'], // 25 December is a fixed national holiday
    ['2024-12-24', 1, ['2024-12-26'], '2024-12-27'], // plus a cuti bersama given for a year whose SKB is not bundled
    ['2025-12-24', 1, [], '2025-12-29'], // 25 December, cuti bersama on the 26th (SKB 2025) and the weekend
    ['2025-08-15', 1, [], '2025-08-18'], // 17 August falls on a Sunday: Monday 18 is a working day
    ['2026-04-30', 1, [], '2026-05-04'], // 1 May (Friday) and the weekend
  ])('%s + %i working days (holidays %j) = %s', (start, n, extra, expected) => {
    expect(addWorkingDays(start, n, new Set(extra))).toBe(expected);
  });

  it('always lands on a working day and never before the calendar distance', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 20 }),
        (d, n) => {
          const start = d.toISOString().slice(0, 10);
          const end = addWorkingDays(start, n);
          expect(isWorkingDay(end, new Set())).toBe(true);
          expect((Date.parse(end) - Date.parse(start)) / 86_400_000).toBeGreaterThanOrEqual(n);
        },
      ),
    );
  });
});

describe('reconciliation workflow ([D] SOP 68.SOP/OT.03/SDL.4/2023)', () => {
  it('has the 12 steps with their time standards', () => {
    expect(reconciliationWorkflow.steps.map((s) => s.workingDays)).toEqual([1, 3, 1, 1, 3, 1, 1, 1, 3, 1, 1, 1]);
    expect(reconciliationWorkflow.steps.every((s) => s.actor && s.inputs.length && s.outputs.length && s.source.includes('SOP 68'))).toBe(
      true,
    );
  });

  it('finds the current step and the late ones', () => {
    const result = workflowProgress({
      startedOn: '2025-12-01',
      asOf: '2025-12-16',
      done: [
        { step: 1, on: '2025-12-01' },
        { step: 2, on: '2025-12-04' },
        { step: 3, on: '2025-12-05' },
        { step: 4, on: '2025-12-09' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.steps.slice(0, 5).map((s) => [s.step, s.dueOn, s.status])).toEqual([
      [1, '2025-12-02', 'done'],
      [2, '2025-12-04', 'done'],
      [3, '2025-12-05', 'done'],
      [4, '2025-12-08', 'done_late'],
      [5, '2025-12-12', 'late'],
    ]);
    expect(result.value.currentStep).toBe(5);
    expect(result.value.lateSteps).toEqual([4, 5]);
    expect(result.value.steps[5]!.status).toBe('pending');
  });

  it('reports bad dates and unknown steps with paths', () => {
    const result = workflowProgress({ startedOn: '2025-13-01', done: [{ step: 13, on: '2025-12-01' }] });
    expect(result.ok ? [] : result.problems.map((p) => p.path.join('/'))).toEqual(['startedOn', 'done/0/step']);
  });
});
