import { loadMessages } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// The user's language only: each language is its own chunk in the browser.
export const load: LayoutLoad = async ({ data }) => ({ ...data, m: await loadMessages(data.locale) });
