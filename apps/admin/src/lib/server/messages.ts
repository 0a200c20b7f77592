import * as en from '../generated/paraglide/messages/en.js';
import * as id from '../generated/paraglide/messages/id.js';
import type { Locale, Messages } from '../i18n.js';

/** The messages of a language for server code (API answers, downloads): both are bundled on the server. */
export const messagesFor = (locale: Locale): Messages => (locale === 'en' ? en : id) as unknown as Messages;
