import type { LearningActivityInput } from '@bangkom/domain';
import { LearningActivity, RULE_SOURCE_PATTERN } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import table from '../cases/conversions.json' with { type: 'json' };
import { activityCaps, conversionRules, convertActivity } from './convert.js';
import type { PolicyParameters } from './policy.js';
import { jpBases } from './profile.js';

interface Case {
  name: string;
  activity: Partial<LearningActivityInput>;
  profile?: string;
  policy?: Partial<PolicyParameters>;
}
const base = { id: 'case', nip: '198503122010011004', title: 'Kasus uji', status: 'verified' };

/** The step names (`profile/method/step`) in the traces of every case of cases/conversions.json. */
function stepsOfCases(): Set<string> {
  const steps = new Set<string>();
  for (const c of table.cases as Case[]) {
    const activity = LearningActivity.parse({ ...base, ...c.activity });
    const result = convertActivity(activity, { ...(c.profile ? { profile: c.profile } : {}), ...(c.policy ? { policy: c.policy } : {}) });
    if (result.ok) for (const step of result.value.trace) steps.add(step.rule.split('/').at(-1)!);
  }
  return steps;
}

describe('JP conversion rule tables', () => {
  const tables = { conversionRules, activityCaps };

  it('gives every rule a unique id and a citation of regulation and article', () => {
    for (const [name, rules] of Object.entries(tables)) {
      const ids = rules.map((r) => r.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const { id, source } of rules) {
        expect(id, name).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(source, id).toMatch(RULE_SOURCE_PATTERN);
        expect(source, id).not.toMatch(/DOMAIN|seeds?\//);
      }
    }
  });

  it('explains every step in plain words: no policy setting (`excessDays=warn`, `minutesPerJp`) or other code in the text', () => {
    const codeWord = /\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][A-Za-z]*\b|=\s*[a-z]/;
    for (const c of table.cases as Case[]) {
      const activity = LearningActivity.parse({ ...base, ...c.activity });
      const result = convertActivity(activity, { ...(c.profile ? { profile: c.profile } : {}), ...(c.policy ? { policy: c.policy } : {}) });
      const texts = result.ok
        ? result.value.trace.flatMap((step) => [step.description.id, step.description.en])
        : result.problems.flatMap((p) => [p.message.id, p.message.en]);
      for (const text of texts) expect(text, c.name).not.toMatch(codeWord);
    }
  });

  it('has one conversion rule for each basis a profile may give a method', () => {
    expect(conversionRules.map((r) => r.basis).sort()).toEqual([...jpBases].sort());
  });

  it('has every rule exercised: its id names a step in the trace of some case of cases/conversions.json', () => {
    const steps = stepsOfCases();
    for (const [name, rules] of Object.entries(tables))
      expect(
        rules.map((r) => r.id).filter((id) => !steps.has(id)),
        name,
      ).toEqual([]);
  });
});
