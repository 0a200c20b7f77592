import type { ActivityFieldsInput } from './routers/activities.js';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
const number = (form: FormData, name: string) => {
  const value = text(form, name);
  // "1,5" is how Indonesians write 1.5.
  return value === undefined ? undefined : Number(value.replace(',', '.'));
};

/** The activity form as the procedures take it: empty fields are absent, numbers are numbers (NaN is refused by the schema). */
export function activityFromForm(form: FormData): ActivityFieldsInput {
  const fields: Record<string, unknown> = {
    method: text(form, 'method'),
    title: text(form, 'title') ?? '',
    organizer: text(form, 'organizer') ?? '',
    international: form.get('international') === 'on',
    startDate: text(form, 'startDate') ?? '',
    endDate: text(form, 'endDate') ?? '',
    runByWorkUnit: form.get('runByWorkUnit') === 'on',
    competencyType: text(form, 'competencyType'),
    certificateNumber: text(form, 'certificateNumber'),
    certificateDate: text(form, 'certificateDate'),
    rumpun: text(form, 'rumpun'),
    summary: text(form, 'summary'),
  };
  for (const name of ['days', 'sessions', 'hours', 'programmeJp', 'statedJp']) fields[name] = number(form, name);
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as ActivityFieldsInput;
}

/** The evidence file of a multipart form, base64 for the procedure; none when no file was chosen. */
export async function evidenceFromForm(form: FormData): Promise<{ name: string; contentBase64: string } | undefined> {
  const file = form.get('evidence');
  if (!(file instanceof File) || file.size === 0) return undefined;
  return { name: file.name || 'bukti', contentBase64: Buffer.from(await file.arrayBuffer()).toString('base64') };
}

/** Form values to give back to the form after a refusal (the file cannot be given back). */
export function valuesOf(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  return values;
}
