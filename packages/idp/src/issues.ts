import type { Message } from '@bangkom/domain';

export type Severity = 'error' | 'warning' | 'info';

/** One finding about a plan: stable code, severity, where (JSON pointer), what (id/en) and why (source). */
export interface PlanIssue {
  code: PlanIssueCode;
  severity: Severity;
  /** JSON pointer into the plan, e.g. `/items/2/method`. */
  path: string;
  message: Message;
  /** Document and article of the rule behind the finding. */
  source: string;
}

/** Every check's stable code, with what it means (the README's table is generated from the same words). */
export const planIssueCodes = {
  'plan.required_field': 'A field the profile requires ([P] art. 17(2) a–k, or [K] III.F.1) is missing.',
  'plan.no_items': 'The plan has no development items.',
  'plan.nip_invalid': 'The NIP (PNS) or NIPPPK (PPPK) is not a valid 18-digit number.',
  'plan.date_outside_year': 'An item is scheduled outside the plan year.',
  'plan.item_dates_reversed': 'An item ends before it starts.',
  'plan.no_profile_in_force': 'No rule profile is in force for the plan year.',
  'plan.jp_not_computable': 'The JP of an item cannot be recomputed: the method needs an input the item lacks.',
  'plan.jp_mismatch': 'The JP stated for an item differs from what the rule profile gives.',
  'plan.cap_reduces_jp':
    'A per-day, per-activity or work-unit cap lowers the JP of an item (e.g. magang over 20 JP, bimtek by a unit over 30 JP).',
  'plan.limit_reduces_jp':
    'A monthly or yearly counting limit stops part of an item from counting (e.g. 5 coaching sessions in one month, 2 benchmarkings in a year).',
  'plan.total_below_minimum': 'The JP that would count is below the yearly obligation (PNS 20 JP).',
  'plan.total_above_maximum': 'The JP planned is above the yearly maximum (PPPK 24 JP under [P] art. 19(3)).',
  'plan.pppk_method': 'A PPPK item uses a method outside the list of [P] art. 52.',
  'plan.budget_exceeded': 'The items cost more than the budget available.',
  'plan.approval_late': 'The plan was (or is still not) approved by the PPK after the deadline of [P] art. 17(4).',
  'plan.lan_late': 'The plan was (or is still not) sent to LAN after the deadline of [P] art. 17(5).',
  'plan.fit_gap_level': "The method's target group does not include the employee's gap level.",
  'plan.fit_cannot_leave': 'The employee cannot leave the workplace but the method is held away from it.',
  'plan.fit_performance':
    'A talent-development method for an employee whose predicate calls for gap-based development ([P] art. 6(4)–(5)).',
  'plan.fit_competency_type': "The method's target competency type differs from the item's.",
  'plan.mix': 'The 70:20:10 mix of the plan (information).',
} as const;
export type PlanIssueCode = keyof typeof planIssueCodes;

export const pointer = (...parts: (string | number)[]): string =>
  '/' + parts.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
