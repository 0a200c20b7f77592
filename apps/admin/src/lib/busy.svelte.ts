import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A page's "sending" state for its plain forms (`use:enhance={sending.submitting}`): the buttons
 * are disabled while one form is sent, and what was typed stays after a refusal.
 */
export function sendingState() {
  let busy = $state(false);
  const submitting: SubmitFunction = () => {
    busy = true;
    return async ({ update }) => {
      await update({ reset: false });
      busy = false;
    };
  };
  return {
    get busy() {
      return busy;
    },
    submitting,
  };
}
