import { IndividualDevelopmentPlan, RULE_SOURCE_PATTERN } from '@bangkom/domain';
import { resolveProfiles, versionInForce, withDefaults } from '@bangkom/jp';
import { describe, expect, it } from 'vitest';
import table from '../cases/checks.json' with { type: 'json' };
import { planChecks, requiredPlanFields, runPlanChecks } from './checks.js';
import type { PlanIssueCode } from './issues.js';
import { planIssueCodes } from './issues.js';
import { planContext, validatePlan } from './validate.js';

interface Case {
  name: string;
  citation: string;
  plan: Record<string, unknown>;
  items?: Record<string, unknown>[];
  item0?: Record<string, unknown>;
  removeItem0?: string[];
  profile?: string;
  asOf?: string;
  present: Partial<Record<PlanIssueCode, 'error' | 'warning' | 'info'>>;
  absent: PlanIssueCode[];
  valid?: boolean;
}

const cases = table.cases as unknown as Case[];
/** A code or a field name in a message: snake_case or camelCase words. */
const CODE_WORD = /\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][A-Za-z]*\b/;

/** The base plan with a case's changes; `null` removes a field. */
function build(c: Case): Record<string, unknown> {
  const plan: Record<string, unknown> = structuredClone(table.base);
  for (const [k, v] of Object.entries(c.plan)) {
    if (v === null) delete plan[k];
    else plan[k] = v;
  }
  if (c.items) plan['items'] = structuredClone(c.items);
  const items = plan['items'] as Record<string, unknown>[];
  if (items[0] && (c.item0 || c.removeItem0)) {
    items[0] = { ...items[0], ...c.item0 };
    for (const k of c.removeItem0 ?? []) delete items[0][k];
  }
  return plan;
}

describe('plan checks case table (cases/checks.json)', () => {
  it.each(cases.map((c) => [`${c.name} — ${c.citation}`, c] as const))('%s', (_, c) => {
    const result = validatePlan(build(c), { asOf: c.asOf ?? table.asOf, profile: c.profile ?? table.profile });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { issues, valid } = result.value;
    for (const [code, severity] of Object.entries(c.present)) {
      const found = issues.filter((i) => i.code === code);
      expect(found.length, `${code} present`).toBeGreaterThan(0);
      expect(
        found.every((i) => i.severity === severity),
        `${code} is ${severity}`,
      ).toBe(true);
      for (const i of found) {
        expect(i.source.length).toBeGreaterThan(3);
        expect(i.path.startsWith('/')).toBe(true);
        expect(i.message.id && i.message.en).toBeTruthy();
        // In plain words: no codes (`sosial_kultural`, `butuh_perbaikan`) or field names (`gapLevel`) in the text.
        expect(i.message.id, code).not.toMatch(CODE_WORD);
        expect(i.message.en, code).not.toMatch(CODE_WORD);
      }
    }
    for (const code of c.absent)
      expect(
        issues.filter((i) => i.code === code),
        `${code} absent`,
      ).toEqual([]);
    if (c.valid !== undefined) expect(valid).toBe(c.valid);
    expect(valid).toBe(!issues.some((i) => i.severity === 'error'));
  });

  it('has a case where each documented code appears and one where it does not', () => {
    for (const code of Object.keys(planIssueCodes) as PlanIssueCode[]) {
      expect(
        cases.some((c) => code in c.present),
        `${code} present`,
      ).toBe(true);
      expect(
        cases.some((c) => c.absent.includes(code)),
        `${code} absent`,
      ).toBe(true);
    }
  });
});

describe('plan summary', () => {
  it('totals stated and counted JP, budget and the mix', () => {
    const result = validatePlan(table.base, { asOf: table.asOf, profile: table.profile });
    expect(result.ok && result.value.summary).toMatchObject({
      profile: 'pupr-2023',
      year: 2026,
      statedJp: 24,
      countedJp: 24,
      required: 20,
      shortfall: 0,
      budgetTotal: 5500000,
      byMethod: { seminar: 8, kursus: 16 },
      mix: { experiential: 0, social: 0, formal: 1 },
    });
  });

  it('counts what the rules allow, not what is stated', () => {
    const plan = build({
      name: '',
      citation: '',
      plan: {},
      item0: { method: 'coaching', startDate: '2026-03-10', endDate: '2026-03-10', sessions: 5, jp: 10 },
      present: {},
      absent: [],
    });
    const result = validatePlan(plan, { asOf: table.asOf });
    expect(result.ok && [result.value.summary.statedJp, result.value.summary.countedJp]).toEqual([26, 22]);
  });

  it('gives each item the JP that counts for it, also where the item states none', () => {
    const plan = build({
      name: '',
      citation: '',
      plan: {},
      item0: { method: 'coaching', startDate: '2026-03-10', endDate: '2026-03-10', sessions: 5 },
      removeItem0: ['jp'],
      present: {},
      absent: [],
    });
    const result = validatePlan(plan, { asOf: table.asOf });
    const summary = result.ok ? result.value.summary : undefined;
    expect(summary?.itemJp).toHaveLength((plan['items'] as unknown[]).length);
    expect(summary?.itemJp[0]).toBeGreaterThan(0);
    expect(summary?.itemJp.reduce<number>((n, jp) => n + (jp ?? 0), 0)).toBeCloseTo(summary!.countedJp, 6);
  });

  it('rejects a plan that does not match the schema, with paths', () => {
    const result = validatePlan({ ...table.base, year: 'next', items: [{ method: 'ngopi' }] });
    expect(result.ok ? [] : result.problems.map((p) => p.path.join('/'))).toEqual(['year', 'items/0/method']);
  });
});

const options = (c: Case) => ({ asOf: c.asOf ?? table.asOf, profile: c.profile ?? table.profile });

/** Checked before the table: without a profile in force there is nothing to check against. */
const GUARD: PlanIssueCode = 'plan.no_profile_in_force';

describe('plan check table', () => {
  it('gives every check a unique documented code as id and a citation of regulation and article', () => {
    const ids = planChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids, GUARD].sort()).toEqual(Object.keys(planIssueCodes).sort());
    for (const { id, source } of planChecks) {
      expect(source, id).toMatch(RULE_SOURCE_PATTERN);
      expect(source, id).not.toMatch(/DOMAIN|seeds?\//);
    }
  });

  it('has every check exercised: its code appears in the issues of some case of cases/checks.json', () => {
    const seen = new Set<string>();
    for (const c of cases) {
      const result = validatePlan(build(c), options(c));
      if (result.ok) for (const issue of result.value.issues) seen.add(issue.code);
    }
    expect(planChecks.map((c) => c.id).filter((id) => !seen.has(id))).toEqual([]);
    expect(seen.has(GUARD)).toBe(true);
  });

  it('evaluates each check on its own: alone, it finds exactly the issues of its code in the whole validation', () => {
    for (const c of cases) {
      const result = validatePlan(build(c), options(c));
      if (!result.ok) throw new Error(c.name);
      const plan = IndividualDevelopmentPlan.parse(build(c));
      const versions = resolveProfiles(options(c).profile);
      if (!versions.ok) throw new Error(c.name);
      const profile = versionInForce(versions.value, `${plan.year}-12-31`) ?? versionInForce(versions.value, `${plan.year}-01-01`);
      if (!profile) continue;
      const context = planContext(plan, profile, withDefaults(undefined), options(c).asOf);
      for (const check of planChecks)
        expect(runPlanChecks(context, [check]), `${c.name}: ${check.id}`).toEqual(result.value.issues.filter((i) => i.code === check.id));
    }
  });
});

describe('required plan fields', () => {
  it('names the plan and item keys the profile requires, each a key the required-field check reports', () => {
    const versions = resolveProfiles(table.profile);
    const profile = versions.ok ? versions.value.at(-1)! : undefined;
    const fields = requiredPlanFields(profile!);
    expect(fields.item).toEqual(expect.arrayContaining(['method', 'startDate', 'endDate']));
    const plan = build({ name: '', citation: '', plan: {}, item0: {}, removeItem0: fields.item, present: {}, absent: [] });
    const result = validatePlan(plan, { asOf: table.asOf, profile: table.profile });
    const paths = result.ok ? result.value.issues.filter((i) => i.code === 'plan.required_field').map((i) => i.path) : [];
    for (const key of fields.item) expect(paths).toContain(`/items/0/${key}`);
  });
});
