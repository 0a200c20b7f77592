/**
 * The log keeps each change as the record before and after it (JSON). For a reader that is a
 * list of what changed: "status: diajukan → disetujui".
 */
export interface Change {
  /** The field's name; empty when the whole value is one number or text. */
  field: string;
  before: string | null;
  after: string | null;
}

const MAX_TEXT = 120;

/** A value as one short line (long texts and nested records are cut). */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields whose values differ between before and after, in the order they appear. */
export function changesOf(before: unknown, after: unknown): Change[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
    return [{ field: '', before: valueText(before), after: valueText(after) }];
  }
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields
    .filter((field) => JSON.stringify(was[field] ?? null) !== JSON.stringify(now[field] ?? null))
    .map((field) => ({ field, before: valueText(was[field]), after: valueText(now[field]) }));
}
