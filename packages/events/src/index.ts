export type { AttendanceRow, SheetRow } from './attendance-csv.js';
export { ATTENDANCE_MARKS, attendanceCsv, attendanceSessionHeaders, readAttendanceCsv, readAttendanceRows } from './attendance-csv.js';
export type { AttendanceOutcome, AttendancePolicy, CreditOptions, EventCredit, ParticipantCredit } from './attendance.js';
export {
  COMPLETION_CITATION,
  creditEvent,
  creditParticipant,
  defaultAttendancePolicy,
  evaluateAttendance,
  ParticipantRecord,
  participantActivity,
} from './attendance.js';
export type {
  BadgeInput,
  IdentityObject,
  Issuer,
  IssuerKey,
  JWK,
  OpenBadgeCredential,
  VerifiedCredential,
  VerifyOptions,
} from './credential.js';
export {
  buildOpenBadgeCredential,
  generateIssuerKey,
  identityHash,
  issuerJwks,
  OB3_CONTEXT,
  SIGNING_ALG,
  signCredential,
  VC_JWT_TYPE,
  verifyCredential,
} from './credential.js';
export type { CheckedEvent, EventPolicy, TrainingEventInput } from './event.js';
export {
  checkEvent,
  defaultEventPolicy,
  EventLocation,
  EventSession,
  Facilitator,
  TrainingEvent,
  WORK_UNIT_BIMTEK_CITATION,
  WORK_UNIT_BIMTEK_MAX_JP,
  workUnitCapApplies,
} from './event.js';
export type { AllocateInput, CertificateNumbering, CertificateNumberToken, NumberContext } from './numbering.js';
export { allocateCertificateNumbers, certificateNumbering, certificateNumberTokens, DEFAULT_CERTIFICATE_PATTERN } from './numbering.js';
export { EventInput, eventsSchemas } from './schemas.js';
export type { Candidate, SelectionCriteria } from './select.js';
export { matchesPosition, matchingPlanItem, selectParticipants } from './select.js';
