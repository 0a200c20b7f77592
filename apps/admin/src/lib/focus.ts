/**
 * Focuses the element when the page arrives, unless the user has already moved focus somewhere
 * (the `autofocus` attribute would pull focus back when the page becomes interactive).
 */
export function focusOnArrival(element: HTMLElement, enabled = true) {
  if (enabled && (!document.activeElement || document.activeElement === document.body)) element.focus();
}
