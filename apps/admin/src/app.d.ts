import type { SessionUser } from '$lib/server/auth';
import type { Locale } from '$lib/i18n';
import type { FormMessage } from '$lib/forms';

declare global {
  namespace App {
    interface Locals {
      user: SessionUser | null;
      locale: Locale;
      /** Shown with an unexpected error and written to the server log with its details. */
      requestId: string;
    }
    interface Error {
      message: string;
      requestId?: string;
    }
    namespace Superforms {
      type Message = FormMessage;
    }
  }
}

export {};
