/**
 * The messages of the page's language, for components: `m.home_verified({ jp, required })`.
 * The root layout loads one language's module into the page data (`data.m`); this reads it from
 * the current page, so the server renders each request in its user's language and the browser
 * holds only that language.
 */
import { page } from '$app/state';
import type { Messages } from './i18n';

export const m: Messages = new Proxy({} as Messages, {
  get(_, key) {
    const messages = (page.data as { m?: Messages }).m;
    if (!messages) throw new Error('Messages read outside a page that the root layout loaded');
    return messages[key as keyof Messages];
  },
});
