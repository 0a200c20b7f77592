import { readFileSync } from 'node:fs';
import { RULE_SOURCE_PATTERN } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import table from '../cases/criteria.json' with { type: 'json' };
import { checkEligibility, eligibilityCriteria } from './eligibility.js';

/** Budget of the generated-input (property) and document tests on a busy 2-core machine; they take seconds when idle. */
const HEAVY_TEST_BUDGET_MS = 60_000;

interface Case {
  criterion: string;
  status: 'pass' | 'fail' | 'unknown';
  name: string;
  candidate?: Record<string, unknown>;
  programme?: Record<string, unknown>;
  removeCandidate?: string[];
  removeProgramme?: string[];
}

const { base } = table;
const build = (c: Case) => {
  const candidate: Record<string, unknown> = { ...base.candidate, ...c.candidate };
  const programme: Record<string, unknown> = { ...base.programme, ...c.programme };
  for (const k of c.removeCandidate ?? []) delete candidate[k];
  for (const k of c.removeProgramme ?? []) delete programme[k];
  return { candidate, programme };
};
const check = (candidate: unknown, programme: unknown, asOf = base.asOf) => {
  const result = checkEligibility(candidate, programme, { asOf });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};

describe('Tugas Belajar criteria case table (cases/criteria.json)', () => {
  it('the base candidate passes every criterion', () => {
    const result = check(base.candidate, base.programme);
    expect(result.criteria.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(result.eligible).toBe(true);
  });

  it.each((table.cases as Case[]).map((c) => [`${c.criterion} ${c.status}: ${c.name}`, c] as const))('%s', (_, c) => {
    const { candidate, programme } = build(c);
    const result = check(candidate, programme);
    const criterion = result.criteria.find((x) => x.id === c.criterion);
    expect(criterion?.status).toBe(c.status);
    expect(criterion?.source).toMatch(/^\[P\] art\. \d+/);
    expect(criterion?.reason.id.length).toBeGreaterThan(0);
    expect(criterion?.reason.en.length).toBeGreaterThan(0);
    // Never a silent pass: any fail or unknown makes the candidate ineligible.
    if (c.status !== 'pass') expect(result.eligible).toBe(false);
  });

  it('covers pass, fail and unknown for every criterion of art. 26, 28 a–k, 29, 30(4) and 31', () => {
    const ids = new Set(check(base.candidate, base.programme).criteria.map((c) => c.id));
    expect(ids.size).toBe(19);
    for (const id of ids) {
      const statuses = new Set((table.cases as Case[]).filter((c) => c.criterion === id).map((c) => c.status));
      // art28i passes when no recommendation is needed; its fail and unknown come from doctoral cases.
      // The kind of employee is always known (PNS unless stated), so art. 26 is never unknown.
      expect([...statuses].sort(), id).toEqual(id === 'art26.pns_only' ? ['fail', 'pass'] : ['fail', 'pass', 'unknown']);
    }
  });
});

describe('Tugas Belajar criteria table', () => {
  it('gives every criterion a unique id and a citation of regulation and article', () => {
    const ids = eligibilityCriteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { id, source } of eligibilityCriteria) {
      expect(id, source).toMatch(/^art\d+\w*\.[a-z_]+$/);
      expect(source, id).toMatch(RULE_SOURCE_PATTERN);
      expect(source, id).not.toMatch(/DOMAIN|seeds?\/|\.md\b/);
    }
  });

  it('evaluates the table in order: the result lists each criterion once, under its id', () => {
    expect(check(base.candidate, base.programme).criteria.map((c) => c.id)).toEqual(eligibilityCriteria.map((c) => c.id));
  });

  it('documents every criterion with its id in the README table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(eligibilityCriteria.filter((c) => !readme.includes(`| \`${c.id}\` |`)).map((c) => c.id)).toEqual([]);
  });

  it('has a case in cases/criteria.json for every criterion, and every case names one', () => {
    const exercised = new Set((table.cases as Case[]).map((c) => c.criterion));
    expect(eligibilityCriteria.map((c) => c.id).filter((id) => !exercised.has(id))).toEqual([]);
    expect([...exercised].filter((id) => !eligibilityCriteria.some((c) => c.id === id))).toEqual([]);
  });

  it("cites in each finding the criterion's article or a finer point of it", () => {
    for (const c of table.cases as Case[]) {
      const { candidate, programme } = build(c);
      for (const criterion of check(candidate, programme).criteria) {
        const rule = eligibilityCriteria.find((r) => r.id === criterion.id)!;
        // `[P] art. 28b` → `[P] art. 28b.1; PP 11/2017 …`; `[P] art. 31(1)c–d` → `[P] art. 31(1)c.2`.
        expect(criterion.source.startsWith(rule.source.replace(/[–(].*$/, '')), `${c.name}: ${criterion.source}`).toBe(true);
      }
    }
  });
});

describe('Tugas Belajar dates', () => {
  it('computes the lifecycle of a released 24-month master programme', () => {
    const { dates } = check(base.candidate, base.programme);
    expect(dates).toEqual({
      birthDate: '1985-03-12',
      retirementAge: 58,
      retirementDate: '2043-04-01',
      earliestEligibleDate: null,
      plannedStart: '2026-09-01',
      plannedEnd: '2028-08-31',
      latestEndWithExtension: '2029-08-31',
      reportToPpkBy: '2028-09-15',
      serviceBondMonths: 48,
      serviceBondEnd: '2032-08-31',
      reentryProgrammeEnd: '2029-08-31',
      releasedFromDuty: true,
      releasedFromDutySource: expect.stringContaining('[P] art. 34(1)'),
    });
  });

  it('sets the service bond to 1× when not released or self-funded ([P] art. 37(2)d)', () => {
    const notReleased = check(base.candidate, { ...base.programme, releasedFromDuty: false }).dates;
    const selfFunded = check(base.candidate, { ...base.programme, selfFunded: true }).dates;
    expect([notReleased.serviceBondMonths, notReleased.serviceBondEnd, notReleased.releasedFromDuty]).toEqual([24, '2030-08-31', false]);
    expect([selfFunded.serviceBondMonths, selfFunded.releasedFromDuty]).toEqual([24, true]);
  });

  it('does not release from duty a programme of 6 months or less ([P] art. 34(1))', () => {
    expect(check(base.candidate, { ...base.programme, normativeDurationMonths: 6 }).dates.releasedFromDuty).toBe(false);
    expect(check(base.candidate, { ...base.programme, normativeDurationMonths: 7 }).dates.releasedFromDuty).toBe(true);
  });

  it('gives the earliest eligible date when every failure is time-based', () => {
    const candidate = { ...base.candidate, tmtPns: '2026-01-01', previousTugasBelajar: [{ outcome: 'completed', endDate: '2025-12-31' }] };
    expect(check(candidate, base.programme).dates.earliestEligibleDate).toBe('2027-06-30');
    expect(check({ ...candidate, fieldFits: false }, base.programme).dates.earliestEligibleDate).toBeNull();
    expect(check({ ...candidate, healthCertificate: undefined }, base.programme).dates.earliestEligibleDate).toBeNull();
  });

  it('takes the birth date from the NIP and refuses one that contradicts it', () => {
    expect(check(base.candidate, base.programme).dates.birthDate).toBe('1985-03-12');
    const contradicted = checkEligibility({ ...base.candidate, birthDate: '1985-03-13' }, base.programme, { asOf: base.asOf });
    expect(contradicted.ok ? [] : contradicted.problems.map((p) => p.code)).toEqual(['nip.birth_date_mismatch']);
  });

  it('reports bad input with paths under candidate/ and programme/', () => {
    const result = checkEligibility({ nip: '123' }, { level: 'S9' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.path.join('/'))).toEqual(
        expect.arrayContaining(['candidate/nip', 'programme/level', 'programme/normativeDurationMonths', 'programme/location']),
      );
  });
});

describe('retirement date property', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it('is the first day of the month after the BUP birthday, for any birth date (1st, 31st, 29 February)', async () => {
    const fc = (await import('fast-check')).default;
    const { daysInMonth } = await import('./calendar.js');
    fc.assert(
      fc.property(
        fc.integer({ min: 1960, max: 1995 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1, 15, 28, 29, 30, 31),
        fc.constantFrom('jf_ahli_muda', 'jpt_pratama', 'jf_ahli_utama'),
        (y, m, dRaw, level) => {
          const d = Math.min(dRaw, daysInMonth(y, m));
          const birth = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const nip = `${birth.replaceAll('-', '')}${y + 25}011001`;
          const { dates } = check({ ...base.candidate, nip, tmtPns: `${y + 26}-01-01`, positionLevel: level }, base.programme);
          const age = { jf_ahli_muda: 58, jpt_pratama: 60, jf_ahli_utama: 65 }[level]!;
          const expectedMonth = m === 12 ? `${y + age + 1}-01` : `${y + age}-${String(m + 1).padStart(2, '0')}`;
          expect(dates.retirementDate).toBe(`${expectedMonth}-01`);
          expect(dates.retirementAge).toBe(age);
        },
      ),
    );
  });
});
