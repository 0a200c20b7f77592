import {
  IndividualDevelopmentPlan,
  JpOverride,
  LearningActivity,
  PlanItem,
  TugasBelajarCandidate,
  TugasBelajarProgramme,
} from '@bangkom/domain';
import { z } from 'zod';
import { roles } from './server/db/schema.js';
import { todayIso } from './values.js';

/**
 * The app's input schemas, derived from the domain's: a field keeps the domain's type and rules
 * (method codes, positive numbers, ISO dates…) and the app adds only what a form needs on top
 * (lengths a person may type, dates in a sensible range). The procedures validate with these and
 * the forms (sveltekit-superforms) read the same objects, so a rule is written once.
 */
const domain = LearningActivity.shape;

/**
 * Earliest date an activity may carry (policy parameter): older records are typing errors such as
 * 0000-01-01, not training an employee in service today attended. An activity may be recorded
 * ahead as a draft up to the end of next year; it is submitted once it has ended (the procedure
 * checks that against the agency's calendar). A certificate's date is never in the future.
 */
export const EARLIEST_ACTIVITY_DATE = '1960-01-01';
const notTooEarly = domain.startDate.refine((d) => d >= EARLIEST_ACTIVITY_DATE, {
  params: {
    code: 'date_too_early',
    message: { id: `Tanggal sebelum ${EARLIEST_ACTIVITY_DATE}`, en: `Date before ${EARLIEST_ACTIVITY_DATE}` },
  },
});
const activityDate = notTooEarly.refine((d) => d <= `${Number(todayIso().slice(0, 4)) + 1}-12-31`, {
  params: { code: 'date_too_late', message: { id: 'Tanggal setelah akhir tahun depan', en: 'Date after the end of next year' } },
});
const pastDate = notTooEarly.refine((d) => d <= todayIso(), {
  params: { code: 'date_future', message: { id: 'Tanggal di masa depan', en: 'Date in the future' } },
});

/** The fields an employee fills in: MyASN "Riwayat Diklat" ([K] III.C) plus what the JP rules need. */
export const ActivityFields = z.object({
  method: domain.method,
  title: domain.title.min(3).max(200),
  organizer: domain.organizer.unwrap().min(2).max(200),
  international: domain.international,
  startDate: activityDate,
  endDate: activityDate,
  days: domain.days.unwrap().max(366).optional(),
  sessions: domain.sessions.unwrap().max(1000).optional(),
  hours: domain.hours.unwrap().max(10_000).optional(),
  programmeJp: domain.programmeJp.unwrap().max(10_000).optional(),
  statedJp: domain.statedJp.unwrap().max(10_000).optional(),
  runByWorkUnit: domain.runByWorkUnit,
  competencyType: domain.competencyType,
  certificateNumber: z.string().trim().max(100).optional(),
  certificateDate: pastDate.optional(),
  rumpun: z.string().trim().max(100).optional(),
  /** Ringkasan: what was learnt, as the MyASN entry asks ([K] III.C). */
  summary: z.string().trim().max(2000).optional(),
});

/**
 * An evidence file as the browser sends it: a multipart part, never base64 in JSON. Its size and
 * real type (by its first bytes) are checked by the procedure that stores it.
 */
export const EvidenceFile = z.file();

/** An activity's id as the procedures take it. */
export const ActivityId = z.string().max(60);

/** An evidence upload through the API: the activity and the file. */
export const EvidenceUpload = z.object({ id: ActivityId, file: EvidenceFile });
/** The same as the multipart body (`FormData`) an API client sends. */
export const EvidenceUploadData = z
  .instanceof(FormData)
  .transform((data) => ({ id: data.get('id'), file: data.get('file') }))
  .pipe(EvidenceUpload);

/** The activity form: the fields, and optionally a file (on edit: only to replace the attached one). */
export const ActivityForm = ActivityFields.extend({ evidence: EvidenceFile.optional() });

/** A reviewer's reason (rejection, refusal): a sentence, not a code. */
export const Reason = z.string().trim().min(3).max(500);

/** A review decision's form: the reason, optional when approving (the procedure asks for it when rejecting). */
export const Decision = z.object({ reason: Reason.optional() });

/** Submitting (or resubmitting) an activity: the employee declares the data true ([K] III.C). */
export const SubmitForm = z.object({ declaration: z.boolean().default(false) });
/** Withdrawing a submission: nothing but the button. */
export const WithdrawForm = z.object({});

/** Most activities decided at once: one page of the review queue, at most. */
export const MAX_BULK = 100;
/** One decision on several activities: accept (approve or verify, by the reviewer's role) or reject with one reason. */
export const BulkDecision = z.object({
  ids: z.array(z.string().max(60)).min(1).max(MAX_BULK),
  decision: z.enum(['accept', 'reject']),
  reason: Reason.optional(),
});
/** The bulk form of the review queue: the ticked rows (as the form posts them) and one reason. */
export const BulkForm = z.object({
  ids: z.array(z.string().max(60)).max(MAX_BULK).default([]),
  reason: Reason.optional(),
});

/** Rows of the review queue on one page. */
export const QUEUE_PAGE = 50;
/**
 * The review queue as the URL asks for it: what the viewer can decide now, or what waits for
 * someone else; search by name or NIP; filters by unit and method; a page (offset).
 */
export const QueueQuery = z.object({
  tab: z.enum(['now', 'waiting']).default('now'),
  q: z.string().trim().max(100).optional(),
  unitId: z.string().max(60).optional(),
  method: LearningActivity.shape.method.optional(),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(QUEUE_PAGE).default(QUEUE_PAGE),
});

/** The SDM unit's JP in place of the conversion ([P] art. 12(2)f); none (null) removes it. */
export const JpOverrideInput = z.object({
  jp: JpOverride.shape.jp.max(1000).nullable(),
  reason: JpOverride.shape.reason.min(5).max(500),
  /** The second confirmation of a JP above the one the method's rule gives. */
  confirmAboveRule: z.boolean().default(false),
});
/** The override form (its reason field is named apart from the decision's reason on the same page). */
export const OverrideForm = z.object({
  jp: JpOverrideInput.shape.jp,
  overrideReason: JpOverrideInput.shape.reason,
  confirmAboveRule: JpOverrideInput.shape.confirmAboveRule,
});

/** Logging in: the username as typed (case does not matter), the password as it is. */
export const Login = z.object({ username: z.string().trim().toLowerCase().min(1).max(100), password: z.string().min(1).max(200) });

/** Changing the own password; the rules a new password follows are checked by the procedure (they need the username). */
export const PasswordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) });

/** The password form: the new password typed twice. */
export const PasswordForm = PasswordChange.extend({ confirmPassword: z.string().max(200) }).refine(
  (form) => form.newPassword === form.confirmPassword,
  { path: ['confirmPassword'], params: { code: 'account_mismatch' } },
);

/** An employee CSV (MyASN columns, [K] III.C), as text. */
export const EmployeeImport = z.object({ csv: z.string().min(1).max(5_000_000) });
/**
 * Largest employee file the import job takes (100,000 employees in the template are about 20 MB);
 * the deployment's BODY_SIZE_LIMIT must be above it (README).
 */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;
/** The import form: the CSV file as uploaded; it is applied by a background job. */
export const EmployeeImportForm = z.object({ file: z.file().min(1).max(MAX_IMPORT_BYTES) });

/** A username: lower case letters, digits, dot, dash, underscore; 3 to 40 characters (case does not matter when logging in). */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .refine((name) => /^[a-z0-9._-]{3,40}$/.test(name), { params: { code: 'admin_username_rule' } });
const AccountId = z.int().positive();
/** An account's role and what it is linked to (which of them a role needs is checked by the procedure). */
const AccountLinks = z.object({
  role: z.enum(roles),
  employeeId: z.string().trim().max(40).optional(),
  unitId: z.string().max(60).optional(),
});
/** A new account; the rules its password follows are checked by the procedure (they need the username). */
export const NewAccount = AccountLinks.extend({ username: Username, password: z.string().max(200) });
/** Another role, employee or unit for an account. */
export const AccountChange = AccountLinks.extend({ userId: AccountId });
/** One account (its password reset). */
export const AccountRef = z.object({ userId: AccountId });
/** Disabling an account, or enabling it again. */
export const AccountDisabling = AccountRef.extend({ disabled: z.boolean() });
/** Accounts for every employee without one, in one unit or all. */
export const AccountBatch = z.object({ unitId: z.string().max(60).optional() });
/** How long a session lasts: idle minutes and hours in all. */
export const SessionSettings = z.object({ idleMinutes: z.int().min(5).max(1440), lifetimeHours: z.int().min(1).max(720) });
/** The rule profile the agency converts JP with (one of the built-in profiles, checked by the procedure). */
export const RuleProfileChoice = z.object({ profile: z.string().trim().min(1).max(100) });
/** The agency's time zone (an IANA name, checked by the procedure). */
export const TimeZoneChoice = z.object({ timeZone: z.string().trim().min(1).max(64) });

const plan = IndividualDevelopmentPlan.shape;

/** What the employee fills in on the plan itself ([P] art. 17(2) b, i; [K] V.C; [K] IV "Sasaran"), with lengths a person may type. */
export const PlanHeader = z.object({
  position: plan.position.unwrap().trim().max(200).optional(),
  gapLevel: plan.gapLevel,
  performancePredicate: plan.performancePredicate,
  performanceData: plan.performanceData.unwrap().trim().max(200).optional(),
  cannotLeaveWorkplace: plan.cannotLeaveWorkplace,
  budgetAvailable: plan.budgetAvailable.unwrap().max(1e12).optional(),
});

/** A plan's year: plans are made for the coming year ([P] art. 17(4)). */
export const PlanYear = z.int().min(2000).max(2100);
/** Approving an employee's plan of a year ([P] art. 17(4)). */
export const PlanApproval = z.object({ employeeId: z.string().max(40), year: PlanYear });
/** Returning a submitted plan to its employee: the reason is required. */
export const PlanReturn = PlanApproval.extend({ reason: Reason });
/** Plans on one page of the plans list. */
export const PLANS_PAGE = 50;
/** The plans list as the URL asks for it: year, search by name or NIP, unit, plan status ('none': no plan yet), sort, page (offset). */
export const PlansQuery = z.object({
  year: PlanYear,
  q: z.string().trim().max(100).optional(),
  unitId: z.string().max(60).optional(),
  status: z.enum(['none', 'draft', 'submitted', 'approved']).optional(),
  sort: z.enum(['name', 'nip', 'unit', 'updated']).default('name'),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(PLANS_PAGE).default(PLANS_PAGE),
});
export type PlansQuery = z.input<typeof PlansQuery>;
/** Submitting or withdrawing the own plan: nothing but the button. */
export const PlanStep = z.object({});
/** Removing a planned activity: its position in the plan. */
export const PlanItemRemoval = z.object({ index: z.int().min(0).max(1000) });

/** One planned activity as the form adds it ([P] art. 17(2) c–k); its id is its position. */
export const PlanItemForm = PlanItem.omit({ id: true });
/** The item form of the plan page: a new item, or the item at `index` changed. */
export const PlanItemEdit = PlanItemForm.extend({ index: z.int().min(0).max(1000).optional() });

const candidate = TugasBelajarCandidate.shape;
const programme = TugasBelajarProgramme.shape;
/** A choice the officer may leave open: '' is "not known" and stays out of the assessment, never a silent "no" (the cast only helps the generic type: '' is one of the options). */
const orUnknown = <T extends string>(options: readonly T[]) => z.enum(['', ...options] as ['', ...T[]]).default('' as never);
/** A yes/no question answered "ya", "tidak" or not at all. */
const Answer = orUnknown(['ya', 'tidak']);
/** A history list: known to be empty ("none"), one entry ("some", from its fields), or not known (''). */
const History = orUnknown(['none', 'some']);
const optionalDate = z.union([z.literal(''), z.iso.date()]).default('');
const disciplinary = candidate.disciplinaryPunishments.unwrap().element.shape;
const sentence = candidate.criminalSentences.unwrap().element.shape;
const previous = candidate.previousTugasBelajar.unwrap().element.shape;
const predicates = candidate.performanceRatings.unwrap().element.shape.predicate.options;

/**
 * The Tugas Belajar form ([P] art. 28–31), flat as a form posts it; `tubelInput` (server) nests
 * it into the `tubel.assess` input. The two ratings are those of the two years before the
 * assessment date ([P] art. 28e), whichever years these are.
 */
export const TubelForm = z
  .object({
    employeeId: z.string().trim().max(40),
    asOf: optionalDate,
    programmeName: z.string().trim().max(200).default(''),
    university: z.string().trim().max(200).default(''),
    level: programme.level.default('S2'),
    normativeDurationMonths: programme.normativeDurationMonths.max(120).default(24),
    startDate: optionalDate,
    location: programme.location.default('domestic'),
    universityType: orUnknown(programme.universityType.unwrap().options),
    accreditation: orUnknown(programme.accreditation.unwrap().options),
    ministerApproval: Answer,
    foreignRecognised: Answer,
    releasedFromDuty: Answer,
    selfFunded: z.boolean().default(false),
    onPriorityList: Answer,
    fieldFits: Answer,
    underInvestigation: Answer,
    servingSentence: Answer,
    onUnpaidLeave: Answer,
    temporarilyDismissed: Answer,
    healthCertificate: Answer,
    proposedBySecretary: Answer,
    recommendationLetter: Answer,
    selectionPassed: Answer,
    agreementSigned: Answer,
    ratingYearBeforeLast: orUnknown(predicates),
    ratingLastYear: orUnknown(predicates),
    discipline: History,
    disciplineLevel: disciplinary.level.default('ringan'),
    disciplineDate: optionalDate,
    disciplineEnd: optionalDate,
    sentence: History,
    sentenceKind: sentence.kind.default('penjara'),
    sentenceDate: optionalDate,
    sentenceEnd: optionalDate,
    previous: History,
    previousLevel: orUnknown(previous.level.unwrap().options),
    previousOutcome: previous.outcome.default('completed'),
    previousEnd: optionalDate,
    previousJustified: Answer,
    previousDecision: optionalDate,
  })
  .superRefine((form, context) => {
    // A history entry answered "some" needs its dates (the domain's entry requires them).
    const required = [
      ['discipline', 'disciplineDate'],
      ['sentence', 'sentenceDate'],
      ['previous', 'previousEnd'],
    ] as const;
    for (const [history, date] of required)
      if (form[history] === 'some' && !form[date])
        context.addIssue({ code: 'custom', path: [date], params: { code: 'tubel_date_required' } });
  });
