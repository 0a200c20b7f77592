/**
 * Named policy parameters for the questions the regulations leave open ([K] IV.C–D, JP conversion).
 * Each has a documented default; an agency overrides them per computation.
 */
export interface PolicyParameters {
  /**
   * How "1 day" is counted for per-day rules and per-day caps of a multi-day activity.
   * `attendance` (default): the activity's `days`, or the inclusive calendar span when absent.
   * `workingDays`: working days in the span — weekends and fixed national holidays off (ignores `days`).
   */
  dayCounting: 'attendance' | 'workingDays';
  /**
   * Minutes of study or work that make 1 JP where a rule counts hours (belajar mandiri "sesuai jam
   * belajar", magang "disesuaikan dengan durasi"). Default 45: the usual length of one jam pelajaran.
   */
  minutesPerJp: number;
  /**
   * JP per day of a magang when only dates are known (no `hours`). Default 8: a full working day of
   * jam pelajaran. The [K] IV.D.12.i per-activity cap (20/24 JP) still applies.
   */
  magangJpPerDay: number;
  /**
   * Rounding of values produced by a "+20%" rule (e.g. 2 JP × 1.2 = 2.4).
   * `none` (default) keeps the decimal, `down`/`nearest`/`up` round to a whole JP.
   */
  internationalRounding: 'none' | 'down' | 'nearest' | 'up';
  /**
   * Which date places an activity in a month (monthly caps) and a year (yearly totals and caps).
   * `end` (default): the end date — the activity is complete and its evidence issued then.
   */
  periodDate: 'start' | 'end';
  /** When a projected summary is asked, whether `submitted` activities count with `verified` ones. Default true. */
  projectedIncludesSubmitted: boolean;
  /**
   * What to do with days beyond a method's stated duration (seminar 1–2 days, bimtek ≤ 3 days).
   * `warn` (default): count them and note it in the trace; `cap`: count only the stated maximum days.
   */
  excessDays: 'warn' | 'cap';
  /**
   * [P] art. 52 lists the methods PPPK "minimal meliputi" (at least include). `warn` (default): a PPPK
   * activity by another method counts, with a warning; `exclude`: it does not count.
   */
  pppkOtherMethods: 'warn' | 'exclude';
  /**
   * Whether the caps still apply to a JP set by the SDM unit (`override`, [P] art. 12(2)f approves
   * the conversion, it does not lift the limits of the conversion table). `apply` (default): the
   * per-activity caps and the monthly/yearly limits of the method still apply to the set value;
   * `ignore`: the set value counts as it is (only the status decides whether it counts).
   */
  overrideCaps: 'apply' | 'ignore';
}

export const defaultPolicy: PolicyParameters = {
  dayCounting: 'attendance',
  minutesPerJp: 45,
  magangJpPerDay: 8,
  internationalRounding: 'none',
  periodDate: 'end',
  projectedIncludesSubmitted: true,
  excessDays: 'warn',
  pppkOtherMethods: 'warn',
  overrideCaps: 'apply',
};

export const withDefaults = (policy: Partial<PolicyParameters> | undefined): PolicyParameters =>
  policy ? { ...defaultPolicy, ...policy } : defaultPolicy;

/** Keeps JP at two decimals so that sums of 1.2 multiples do not drift (0.1 + 0.2). */
export const roundJp = (jp: number): number => Math.round(jp * 100) / 100;

export function roundInternational(jp: number, rounding: PolicyParameters['internationalRounding']): number {
  switch (rounding) {
    case 'down':
      return Math.floor(jp + 1e-9);
    case 'up':
      return Math.ceil(jp - 1e-9);
    case 'nearest':
      return Math.round(jp);
    default:
      return roundJp(jp);
  }
}
