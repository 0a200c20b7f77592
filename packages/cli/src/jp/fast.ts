import type { LearningActivity } from '@bangkom/domain';
import { activityStatuses, competencyTypes, inclusiveDays, isValidIsoDate, learningMethodCodes } from '@bangkom/domain';

const METHODS = new Set<string>(learningMethodCodes);
const STATUSES = new Set<string>(activityStatuses);
const COMPETENCY_TYPES = new Set<string>(competencyTypes);

/** Dates repeat across a register; each distinct one is checked by the schema's own rule once. */
const dateChecks = new Map<string, boolean>();
const DATE_CACHE_LIMIT = 100_000;
export function validDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const known = dateChecks.get(value);
  if (known !== undefined) return known;
  const valid = isValidIsoDate(value);
  if (dateChecks.size < DATE_CACHE_LIMIT) dateChecks.set(value, valid);
  return valid;
}

const nonEmptyTrimmed = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.trim() === v;
const optionalPositive = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v > 0);
const optionalBoolean = (v: unknown): boolean => v === undefined || typeof v === 'boolean';

/**
 * The fast path of activity validation: a row that is well-formed by every rule of the
 * `LearningActivity` schema is completed in place (the schema's defaults filled in) and returned;
 * anything else — an error, or a field the schema would rewrite (surrounding spaces) or holds a
 * nested record (evidence, a JP override) —
 * returns undefined, and the caller asks the schema itself, which gives the exact problem.
 * `fast.test.ts` checks on a fuzzed corpus that both agree.
 */
export function fastActivity(row: unknown): LearningActivity | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  const a = row as Record<string, unknown>;
  if (typeof a['id'] !== 'string' || a['id'].length === 0) return undefined;
  if (typeof a['nip'] !== 'string' || a['nip'].length === 0) return undefined;
  if (typeof a['method'] !== 'string' || !METHODS.has(a['method'])) return undefined;
  if (!nonEmptyTrimmed(a['title'])) return undefined;
  if (a['organizer'] !== undefined && !nonEmptyTrimmed(a['organizer'])) return undefined;
  if (!optionalBoolean(a['international']) || !optionalBoolean(a['runByWorkUnit'])) return undefined;
  const start = a['startDate'];
  const end = a['endDate'];
  if (!validDate(start) || !validDate(end) || end < start) return undefined;
  const days = a['days'];
  if (!optionalPositive(days) || (days !== undefined && (days as number) > inclusiveDays(start, end))) return undefined;
  const sessions = a['sessions'];
  if (sessions !== undefined && !(typeof sessions === 'number' && Number.isSafeInteger(sessions) && sessions > 0)) return undefined;
  if (!optionalPositive(a['hours']) || !optionalPositive(a['programmeJp'])) return undefined;
  const stated = a['statedJp'];
  if (stated !== undefined && !(typeof stated === 'number' && Number.isFinite(stated) && stated >= 0)) return undefined;
  const type = a['competencyType'];
  if (type !== undefined && !(typeof type === 'string' && COMPETENCY_TYPES.has(type))) return undefined;
  if (a['evidence'] !== undefined || a['override'] !== undefined) return undefined;
  const status = a['status'];
  if (status !== undefined && !(typeof status === 'string' && STATUSES.has(status))) return undefined;
  if (a['international'] === undefined) a['international'] = false;
  if (a['runByWorkUnit'] === undefined) a['runByWorkUnit'] = false;
  if (status === undefined) a['status'] = 'verified';
  return a as unknown as LearningActivity;
}
