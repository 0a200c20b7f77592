import { learningMethodCodes } from '@bangkom/domain';
import type { LearningMethod } from '@bangkom/domain';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { pageParam } from '$lib/server/urls';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { messagesFor } from '$lib/server/messages';
import { BulkForm, QUEUE_PAGE } from '$lib/schemas';

/** What a decision on the detail page did (the queue shows it when no item is left). */
const DECIDED = ['approved', 'verified', 'rejected'] as const;

/** The queue as the URL asks for it (bookmarkable): tab, search, unit, method, order, page. */
function queryOf(url: URL) {
  const tab = url.searchParams.get('tab') === 'waiting' ? ('waiting' as const) : ('now' as const);
  const q = url.searchParams.get('q')?.trim().slice(0, 100) || undefined;
  const unitId = url.searchParams.get('unit')?.slice(0, 60) || undefined;
  const method = learningMethodCodes.find((c) => c === url.searchParams.get('method')) as LearningMethod | undefined;
  const sort = url.searchParams.get('sort') === 'newest' ? ('newest' as const) : ('oldest' as const);
  const page = pageParam(url);
  return { tab, q, unitId, method, sort, page };
}

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const query = queryOf(event.url);
  const [queue, units] = await Promise.all([
    loadOr(event, () =>
      caller.activities.queue({
        tab: query.tab,
        ...(query.q ? { q: query.q } : {}),
        ...(query.unitId ? { unitId: query.unitId } : {}),
        ...(query.method ? { method: query.method } : {}),
        sort: query.sort,
        offset: (query.page - 1) * QUEUE_PAGE,
        limit: QUEUE_PAGE,
      }),
    ),
    loadOr(event, () => caller.admin.units()),
  ]);
  return {
    queue,
    query,
    pageSize: QUEUE_PAGE,
    units,
    methods: learningMethodCodes,
    decided: DECIDED.find((d) => d === event.url.searchParams.get('decided')) ?? null,
    bulk: await formOf(event, BulkForm),
  };
};

/** One decision on the ticked rows: each is authorized and decided on its own by the procedure; the page says which were skipped and why. */
async function bulk(event: RequestEvent, decision: 'accept' | 'reject') {
  const form = await postedForm(event, BulkForm);
  if (!form.valid) return refused(form);
  if (form.data.ids.length === 0) {
    return refused(form, 400, { text: messagesFor(event.locals.locale).review_bulk_none(), other: [] });
  }
  const caller = await callerFor(event);
  const { ids, reason } = form.data;
  const result = await attempt(event, form, () => caller.activities.decideMany({ ids, decision, ...(reason ? { reason } : {}) }));
  if (!result.ok) return result.failure;
  const locale = event.locals.locale;
  return {
    bulk: form,
    outcome: {
      decision,
      done: result.value.done,
      skipped: result.value.skipped.map((s) => ({ id: s.id, message: s.message[locale] })),
    },
  };
}

export const actions: Actions = {
  accept: (event) => bulk(event, 'accept'),
  reject: (event) => bulk(event, 'reject'),
};
