/**
 * What a form shows after a refusal, besides each field's own message (superforms' `errors`):
 * the general message and the problems that belong to no field of the form, in the user's language.
 */
export interface FormMessage {
  text: string;
  other: string[];
}

/** The last message of each field (a field may fail several checks; the last is the most specific). */
export function lastErrors(errors: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, value] of Object.entries(errors)) {
    const messages = Array.isArray(value) ? value : value && typeof value === 'object' && '_errors' in value ? value._errors : null;
    if (Array.isArray(messages) && messages.length) result[field] = String(messages.at(-1));
  }
  return result;
}

/**
 * The id of the forms a page repeats on every row (an account's buttons): they have no store each,
 * and their refusal shows once, above the list.
 */
export const ROW_FORM = 'row';
