/**
 * Rule tables: each rule of a regulation is one entry `{ id, source, evaluate }` (the style of
 * OpenFisca's variables), evaluated in order on one context object by `evaluateRules`. A table is
 * data: tests list its entries, check each one's citation and that some case exercises it.
 */
export interface Rule<Context, Outcome> {
  /** Stable id that names the rule in traces, e.g. `art28a.service_one_year` or `plan.budget_exceeded`. */
  readonly id: string;
  /** Regulation and article the rule applies, e.g. `[P] art. 28a`; an outcome may cite a finer point. */
  readonly source: string;
  readonly evaluate: (context: Context) => Outcome;
}

/** The outcome of every rule of a table, in table order. */
export function evaluateRules<Context, Outcome>(rules: readonly Rule<Context, Outcome>[], context: Context): Outcome[] {
  return rules.map((rule) => rule.evaluate(context));
}

/**
 * How a rule's `source` starts: a document mark and article or section (`[P] art. 28b`,
 * `[K] III.F.1`) or a named regulation (`PP 11/2017 art. 239`, `PermenPANRB 38/2018`).
 */
export const RULE_SOURCE_PATTERN =
  /^(\[[A-Z]{1,3}\] (art\. \d|[IVX]+\.[A-Z0-9])|(PP|UU|Perpres|PermenPANRB|Perka|Peraturan) [\w ]*\d+\/\d{4})/;
