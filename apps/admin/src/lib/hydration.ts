/**
 * The page's forms work before its scripts have run (server-rendered HTML, plain POST), so a
 * person may type into them then — on a slow connection or a busy phone, for seconds. When the
 * page becomes live, each bound field takes the value of its form's store (the server's value),
 * which would wipe out what was typed. `keepTypedValues` notes what differs from the server's
 * HTML before the page becomes live; the returned function puts it back once it is, through the
 * events a person's typing sends, so that the forms' stores take it too.
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Inputs whose value a person does not type (a chosen file stays chosen: nothing binds to it). */
const UNTYPED = new Set(['file', 'hidden', 'submit', 'button', 'reset', 'image']);

interface Typed {
  field: Field;
  /** Text fields: the text; checkboxes and radio buttons: whether checked; selects: the chosen options' indexes. */
  value: string | boolean | number[];
}

/** The option a select shows when nobody chose: the last one marked `selected`, else the first (one-line selects). */
const initialSelection = (select: HTMLSelectElement) => {
  const options = [...select.options];
  if (select.multiple) return options.flatMap((o, i) => (o.defaultSelected ? [i] : []));
  const marked = options.findLastIndex((o) => o.defaultSelected);
  return [marked >= 0 ? marked : select.size > 1 ? -1 : 0];
};

function typedIn(field: Field): Typed | null {
  if (field instanceof HTMLSelectElement) {
    const chosen = [...field.options].flatMap((o, i) => (o.selected ? [i] : []));
    const initial = initialSelection(field).filter((i) => i >= 0);
    return chosen.join() === initial.join() ? null : { field, value: chosen };
  }
  if (field instanceof HTMLInputElement && UNTYPED.has(field.type)) return null;
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
    return field.checked === field.defaultChecked ? null : { field, value: field.checked };
  return field.value === field.defaultValue ? null : { field, value: field.value };
}

function putBack({ field, value }: Typed) {
  if (field instanceof HTMLSelectElement && Array.isArray(value))
    [...field.options].forEach((option, i) => (option.selected = value.includes(i)));
  else if (field instanceof HTMLInputElement && typeof value === 'boolean') field.checked = value;
  else if (typeof value === 'string') field.value = value;
  // What the bindings listen to (text: input; selects, checkboxes, radio buttons: change).
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Notes the values typed into `root`'s fields so far; call it before the page becomes live (the
 * root layout's script runs before any field is bound) and call what it returns once it is live
 * (the root layout's `onMount`, which runs after every page component has mounted).
 */
export function keepTypedValues(root: ParentNode): () => void {
  const typed = [...root.querySelectorAll<Field>('input, textarea, select')].map(typedIn).filter((t) => t !== null);
  return () => {
    // A field the page no longer has (it rendered differently in the browser) has nothing to keep.
    for (const t of typed) if (t.field.isConnected) putBack(t);
  };
}
