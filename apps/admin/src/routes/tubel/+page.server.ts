import type { Actions, PageServerLoad } from './$types';
import { fail, type ActionFailure } from '@sveltejs/kit';
import { callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { tubelInput } from '$lib/server/tubel-form';
import { TUBEL_PAGE, TubelForm } from '$lib/schemas';
import { pageParam, searchParam } from '$lib/server/urls';
import { todayIso } from '$lib/values';

/**
 * The page's two lists as the URL asks for them: the PNS to check (`q`, `page`: a search box
 * returning a page of matches, not every employee) and the saved assessments (`saved`, `spage`).
 */
function queryOf(url: URL) {
  return { q: searchParam(url), page: pageParam(url), saved: searchParam(url, 'saved'), savedPage: pageParam(url, 'spage') };
}

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const query = queryOf(event.url);
  const editable = event.locals.user?.role === 'admin_sdm';
  const [assessments, candidates] = await Promise.all([
    loadOr(event, () =>
      caller.tubel.list({ ...(query.saved ? { q: query.saved } : {}), offset: (query.savedPage - 1) * TUBEL_PAGE, limit: TUBEL_PAGE }),
    ),
    editable
      ? loadOr(event, () =>
          caller.tubel.candidates({ ...(query.q ? { q: query.q } : {}), offset: (query.page - 1) * TUBEL_PAGE, limit: TUBEL_PAGE }),
        )
      : null,
  ]);
  const today = todayIso();
  return {
    assessments,
    candidates,
    query,
    today,
    form: await formOf(event, TubelForm, { asOf: today }),
  };
};

/** The employee a posted form chose, with name and NIP, so the picker keeps it when it is not on the page shown. */
async function chosenOf(event: Parameters<Actions[string]>[0], employeeId: string) {
  if (!employeeId) return null;
  const caller = await callerFor(event);
  return (await loadOr(event, () => caller.tubel.candidates({ chosen: employeeId, limit: 1 }))).chosen;
}

/** A refusal that also names the chosen employee. */
const withChosen = <T extends object>(failure: ActionFailure<T>, chosen: Awaited<ReturnType<typeof chosenOf>>) =>
  fail(failure.status, { ...failure.data, chosen });

async function assess(event: Parameters<Actions[string]>[0], save: boolean) {
  const form = await postedForm(event, TubelForm);
  const chosen = await chosenOf(event, form.data.employeeId);
  if (!form.valid) return withChosen(refused(form), chosen);
  const caller = await callerFor(event);
  // A history entry's missing date and the like are refused by the procedure, beside the field it names.
  const result = await attempt(event, form, () => caller.tubel.assess({ ...tubelInput(form.data), save }));
  return result.ok ? { form, chosen, assessment: result.value } : withChosen(result.failure, chosen);
}

export const actions: Actions = {
  check: (event) => assess(event, false),
  save: (event) => assess(event, true),
};
