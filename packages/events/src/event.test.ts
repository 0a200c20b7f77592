import { describe, expect, it } from 'vitest';
import { checkEvent, TrainingEvent, WORK_UNIT_BIMTEK_CITATION } from './event.js';
import { bimtek, longWorkUnitBimtek } from './test/fixtures.js';

describe('event model ([E] item 2)', () => {
  it('accepts a complete bimtek and defaults to a bimtek run by the SDM unit', () => {
    const checked = checkEvent(bimtek);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.event.method).toBe('bimbingan_teknis');
    expect(checked.value.event.runByWorkUnit).toBe(false);
    expect(checked.value.warnings).toEqual([]);
  });

  it('requires theme, objective and the problem addressed ([E] item 2.1), and a facilitator ([E] item 2.4)', () => {
    const { theme: _t, problemAddressed: _p, ...rest } = bimtek;
    const checked = checkEvent({ ...rest, facilitators: [] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const paths = checked.problems.map((p) => p.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['theme', 'problemAddressed', 'facilitators']));
    for (const p of checked.problems) expect(p.message.id.length).toBeGreaterThan(0);
  });

  it('refuses sessions outside the dates, duplicate sessions and an end before the start', () => {
    const checked = checkEvent({
      ...bimtek,
      endDate: '2025-07-13',
      sessions: [
        { id: 'h1', date: '2025-07-14' },
        { id: 'h1', date: '2025-07-20' },
      ],
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['event.end_before_start', 'event.duplicate_session', 'event.session_outside_dates']),
    );
    expect(checked.problems.find((p) => p.code === 'event.duplicate_session')?.path).toEqual(['sessions', 1, 'id']);
  });

  it('[P] art. 57(8): a bimtek over 30 JP run by a work unit is refused by default', () => {
    const checked = checkEvent(longWorkUnitBimtek);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]).toMatchObject({ path: ['programmeJp'], code: 'event.work_unit_over_30_jp' });
    expect(checked.problems[0]!.message.id).toContain('pasal 57 ayat (7)');
  });

  it('[P] art. 57(7)–(8): with policy workUnitOverCap=warning it is accepted with a warning', () => {
    const checked = checkEvent(longWorkUnitBimtek, { workUnitOverCap: 'warning' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.warnings.map((w) => w.code)).toEqual(['event.work_unit_over_30_jp']);
  });

  it('[P] art. 57(7): exactly 30 JP run by a work unit is allowed; the same programme by the SDM unit needs no check', () => {
    expect(checkEvent({ ...longWorkUnitBimtek, programmeJp: 30 }).ok).toBe(true);
    expect(checkEvent({ ...longWorkUnitBimtek, runByWorkUnit: false }).ok).toBe(true);
  });

  it('the art. 57 citation quotes the regulation', () => {
    expect(WORK_UNIT_BIMTEK_CITATION).toContain('paling banyak 30 (tiga puluh) jam pelajaran');
  });

  it('location is offline, online or blended; an online event needs a URL', () => {
    expect(TrainingEvent.safeParse({ ...bimtek, location: { mode: 'online', url: 'https://zoom.example/j/1' } }).success).toBe(true);
    expect(TrainingEvent.safeParse({ ...bimtek, location: { mode: 'online' } }).success).toBe(false);
  });

  it('malformed input is a structured problem, not a crash', () => {
    for (const bad of [null, 42, 'x', [], { id: 1 }]) {
      const checked = checkEvent(bad);
      expect(checked.ok).toBe(false);
    }
  });
});
