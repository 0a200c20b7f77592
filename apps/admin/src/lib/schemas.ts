import {
  competencyTypes,
  educationLevels,
  IndividualDevelopmentPlan,
  JpOverride,
  LearningActivity,
  learningMethodCodes,
  performancePredicates,
  PlanItem,
  positionKinds,
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
 * someone else; search by name or NIP; filters by unit and method; order; a page (offset).
 */
export const QueueQuery = z.object({
  tab: z.enum(['now', 'waiting']).default('now'),
  q: z.string().trim().max(100).optional(),
  unitId: z.string().max(60).optional(),
  method: LearningActivity.shape.method.optional(),
  /** Oldest submission first (the default: first come, first decided), or newest first. */
  sort: z.enum(['oldest', 'newest']).default('oldest'),
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

/**
 * Who signs the Kartu Data of a unit ("Mengetahui," [K] III.B): the head's name, NIP and title,
 * and the place; without a unit, the agency's default.
 */
export const Signatory = z.object({
  unitId: z.string().trim().max(60).default(''),
  name: z.string().trim().min(1).max(200),
  nip: z
    .string()
    .trim()
    .refine((nip) => /^\d{18}$/.test(nip), { params: { code: 'signatory_nip_rule' } }),
  title: z.string().trim().min(1).max(200),
  place: z.string().trim().max(100).default(''),
});

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

/** The own address notifications are also e-mailed to; empty removes it. */
export const NotificationEmail = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .refine((email) => email === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email), { params: { code: 'mail_address_rule' } })
    .default(''),
});

/** Accounts on one page of the admin's accounts list. */
export const USERS_PAGE = 50;
/** The accounts list as the URL asks for it: search by username, name or NIP; role; active or disabled; order; a page (offset). */
export const UsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(roles).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  /** By username (default), by the employee's name (accounts without one last), by role, or newest account first. */
  sort: z.enum(['username', 'name', 'role', 'created']).default('username'),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(USERS_PAGE).default(USERS_PAGE),
});
export type UsersQuery = z.input<typeof UsersQuery>;

/** The employee list's orders: by name (default), by NIP, by unit (its name, then the employee's name). */
export const employeeSorts = ['name', 'nip', 'unit'] as const;

/** Employees on one page of the Tugas Belajar picker, and saved assessments on one page of their list. */
export const TUBEL_PAGE = 50;
/** A page of the PNS a Tugas Belajar can be checked for, searched by name or NIP; `chosen` is also returned when it is off the page. */
export const TubelCandidatesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  chosen: z.string().trim().max(40).optional(),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(TUBEL_PAGE).default(TUBEL_PAGE),
});
/** A page of the saved Tugas Belajar assessments, newest first, searched by the employee's name or NIP. */
export const TubelListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(TUBEL_PAGE).default(TUBEL_PAGE),
});
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

// The yearly IP ASN recap ([S] C.1–4): each form names its year; the page's URL names the unit.
const RecapYear = z.int().min(2019).max(2100);
/** The unit's recap sent with its cover letter number. */
export const RecapSubmission = z.object({ year: RecapYear, letterNumber: z.string().trim().min(1).max(100) });
/** HR sends the recap back with what must be corrected. */
export const RecapReturn = z.object({ year: RecapYear, note: z.string().trim().min(1).max(2000) });
/** HR accepts the recap. */
export const RecapAcceptance = z.object({ year: RecapYear });
/** The upload to BKN's IP ASN application: its date and the result report. */
export const RecapUpload = z.object({ year: RecapYear, uploadedOn: z.iso.date(), result: z.file() });
/** A step of the SOP done outside the app, with its date. */
export const RecapStepDone = z.object({ year: RecapYear, step: z.int().min(1).max(12), doneOn: z.iso.date() });
/** The year's cycle opened on the date the reconciliation letter arrived. */
export const RecapCycle = z.object({ year: RecapYear, startedOn: z.iso.date() });

/** The SOP has 12 steps ([D] SOP 68.SOP/OT.03/SDL.4/2023). */
const sopStep = z.coerce.number().int().min(1).max(12);
/** Policy parameter `ipasnStepOfAction`: the SOP step each recap action ticks, in the order of the flow. */
export const StepOfAction = z
  .object({ submit: sopStep, accept: sopStep, upload: sopStep })
  .refine((m) => m.submit < m.accept && m.accept < m.upload, {
    path: ['accept'],
    params: {
      code: 'ipasn.step_order',
      message: {
        id: 'Tahap rekap diterima harus sesudah tahap rekap dikirim dan sebelum tahap unggahan ke BKN',
        en: 'The acceptance step must come after the submission step and before the upload step',
      },
    },
  });
export type StepOfAction = z.infer<typeof StepOfAction>;

/**
 * An employee's IP ASN facts of a year as the form holds them: a choice left blank is not known,
 * each fact with the source it was read from (the procedure requires one for every fact given).
 */
const blankOr = <const T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.literal('')]).default('');
const factSource = z.string().trim().max(300).default('');
export const IpasnFactsForm = z.object({
  year: RecapYear,
  education: blankOr(educationLevels),
  educationSource: factSource,
  positionKind: blankOr(positionKinds),
  positionKindSource: factSource,
  performancePredicate: blankOr(performancePredicates),
  performanceSource: factSource,
  /** 'none': no punishment in the year; a level: the punishment of that level on `punishmentDate`. */
  discipline: blankOr(['none', 'ringan', 'sedang', 'berat'] as const),
  punishmentDate: z.string().max(10).default(''),
  disciplineSource: factSource,
});
/** An IP ASN import of a year (facts, or SIASN's scores): the CSV or XLSX file. */
export const IpasnImportForm = z.object({ year: RecapYear, file: z.file() });

// MyASN/SIASN ([K] III.C): the forms of the activity page, the reconciliation and the history upload.
/** An activity marked as uploaded to MyASN/SIASN on a date, with SIASN's record id when known. */
export const MyasnMark = z.object({ uploadedOn: z.iso.date(), siasnId: z.string().trim().max(128).default('') });
/** A mark taken back, with why. */
export const MyasnUnmark = z.object({ reason: Reason });
/** A reconciliation line settled: marked uploaded, imported for review, or ignored with a reason. */
export const MyasnResolve = z.object({
  itemId: z.int().positive(),
  action: z.enum(['mark', 'import', 'ignore']),
  reason: Reason.optional(),
});
/** Every agreeing line of a reconciliation marked uploaded at once: nothing but the button. */
export const MyasnMarkAgreeing = z.object({});
/** A SIASN history file (rw-diklat/rw-kursus JSON) of a unit's year, or of one employee of it. */
export const MyasnHistoryUpload = z.object({
  year: z.int().min(2000).max(2100),
  unitId: z.string().max(60).default(''),
  employeeId: z.string().trim().max(40).default(''),
  file: z.file(),
});

/* Penyelenggaraan: events (bimtek and the like) the agency runs itself. */

const EventText = (max: number) => z.string().trim().min(1).max(max);
/** An event's id, a participant's NIP, a session's id as the procedures take them. */
const EventId = z.string().max(60);
const EmployeeRef = z.string().max(40);
const SessionId = z.string().max(20);

/** Largest page of participant and candidate lists (and so of one attendance grid). */
export const EVENT_PAGE = 200;

/** The event as the organiser gives it; the id, the organiser's unit and the sessions' ids are the app's. */
export const EventFields = z.object({
  title: EventText(200),
  theme: EventText(300),
  objective: EventText(1000),
  problemAddressed: EventText(1000),
  method: z.enum(learningMethodCodes).default('bimbingan_teknis'),
  competencyType: z.enum(competencyTypes).optional(),
  organizer: EventText(200),
  runByWorkUnit: z.boolean().default(false),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  /** Sessions: one per date at least; attendance is recorded per session. */
  sessions: z
    .array(z.object({ date: z.iso.date(), title: z.string().trim().max(200).optional() }))
    .min(1)
    .max(60),
  hours: z.number().positive().max(1000).optional(),
  programmeJp: z.number().positive().max(1000),
  facilitators: z
    .array(z.object({ name: EventText(200), institution: z.string().trim().max(200).optional() }))
    .min(1)
    .max(30),
  location: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('offline'), venue: EventText(300), city: z.string().trim().max(100).optional() }),
    z.object({ mode: z.literal('online'), url: z.url().max(500) }),
    z.object({ mode: z.literal('blended'), venue: EventText(300), url: z.url().max(500) }),
  ]),
  /** Share of the sessions a participant must attend (0..1); default every session ([P] art. 66(3)). */
  minimumAttendance: z.number().min(0).max(1).default(1),
  signatory: z.object({ name: EventText(200), nip: z.string().trim().max(30).optional(), position: EventText(200) }),
  /** The organising unit (admin SDM may name one; an admin unit's event is always their own unit's). */
  unitId: z.string().max(60).optional(),
});
export type EventFields = z.input<typeof EventFields>;

const event = EventFields.shape;
/**
 * The new-event form, flat as it posts: the dates with a number of sessions a day (one session
 * each at least), the location's kind with its venue or address, the attendance needed in
 * percent, the facilitators one a line ("Nama — Instansi"). `eventOfForm` (server) builds the
 * `events.create` input from it.
 */
export const EventForm = z.object({
  title: event.title,
  theme: event.theme,
  objective: event.objective,
  problemAddressed: event.problemAddressed,
  method: event.method,
  competencyType: event.competencyType,
  startDate: event.startDate,
  endDate: event.endDate,
  sessionsPerDay: z.int().min(1).max(4).default(1),
  programmeJp: event.programmeJp,
  minimumAttendance: z.number().min(0).max(100).default(100),
  locationMode: z.enum(['offline', 'online', 'blended']).default('offline'),
  venue: z.string().trim().max(300).default(''),
  url: z.string().trim().max(500).default(''),
  organizer: event.organizer,
  unitId: event.unitId,
  runByWorkUnit: event.runByWorkUnit,
  facilitators: z.string().trim().min(1).max(10_000),
  signatoryName: event.signatory.shape.name,
  signatoryNip: event.signatory.shape.nip,
  signatoryPosition: event.signatory.shape.position,
});

/** The participant picker's filters (the criteria of `selectParticipants` of @bangkom/events). */
export const PickFilters = z.object({
  unitId: z.string().max(60).optional(),
  positionKind: z.enum(positionKinds).optional(),
  positionTitle: z.string().trim().max(100).optional(),
  /** Only employees below their yearly obligation ([P] art. 19(2)) in `year`. */
  belowObligation: z.boolean().default(false),
  year: z.int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
});
export const CandidateFilter = PickFilters.extend({ eventId: EventId });

/** Inviting the employees ticked in the picker. */
export const ParticipantsAdd = z.object({ eventId: EventId, employeeIds: z.array(EmployeeRef).min(1).max(500) });
export const ParticipantsAddForm = z.object({ employeeId: z.array(EmployeeRef).min(1).max(500) });
export const ParticipantRef = z.object({ eventId: EventId, employeeId: EmployeeRef });

/** Attendance: for each participant given, the sessions attended (the others are unchanged). */
export const Attendance = z.object({
  eventId: EventId,
  rows: z
    .array(z.object({ employeeId: EmployeeRef, attended: z.array(SessionId).max(60) }))
    .min(1)
    .max(EVENT_PAGE),
});
/**
 * The attendance grid of a page of participants: `row` lists the participants shown, `att` the
 * ticked boxes as "NIP/session"; `all` ticks every session of everyone shown.
 */
export const AttendanceGrid = z.object({
  row: z.array(EmployeeRef).min(1).max(EVENT_PAGE),
  att: z
    .array(z.string().max(70))
    .max(EVENT_PAGE * 60)
    .default([]),
  all: z.boolean().default(false),
});
/** Attendance as a file, XLSX or CSV (a NIP column and one column a session, as the sheet handed out has). */
export const ATTENDANCE_FILE_BYTES = 2 * 1024 * 1024;
const AttendanceFile = z.file().min(1).max(ATTENDANCE_FILE_BYTES);
export const AttendanceImport = z.object({ eventId: EventId, file: AttendanceFile });
export const AttendanceImportForm = z.object({ file: AttendanceFile });
/** The formats each document of an event comes in; the first is the one given when none is asked. */
export const EVENT_DOCUMENT_FORMATS = {
  invitation: ['pdf'],
  participants: ['xlsx', 'pdf'],
  attendance: ['xlsx', 'csv'],
  report: ['pdf'],
} as const satisfies Record<string, readonly ('pdf' | 'xlsx' | 'csv')[]>;

export const EventRef = z.object({ eventId: EventId });
/** Closing an event: nothing to fill in. */
export const CloseForm = z.object({});
/** Revoking a certificate (wrong participant, cancelled event), with the reason. */
export const Revocation = z.object({ number: z.string().trim().min(1).max(100), reason: Reason });

const Score = z.int().min(1).max(5);
/** A participant's evaluation of an event: relevance, facilitator, material (1–5) and free text. */
export const Evaluation = z.object({
  eventId: EventId,
  relevance: Score,
  facilitator: Score,
  material: Score,
  comment: z.string().trim().max(2000).optional(),
});
