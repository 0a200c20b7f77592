import type { Messages } from './i18n';

/**
 * Someone who acted (approved, resolved, uploaded…), as the server sends it: the account's
 * username and, when the account belongs to an employee, the employee's name and NIP.
 */
export interface Person {
  username: string | null;
  name: string | null;
  nip: string | null;
}

/**
 * A person as the app shows one: name and NIP (names repeat in an office), or an account without
 * an employee by its username, marked as an account.
 */
export function personText(person: Person | null | undefined, m: Pick<Messages, 'person_account'>): string {
  if (person?.nip) return person.name ? `${person.name} (${person.nip})` : person.nip;
  if (person?.username) return m.person_account({ username: person.username });
  return '–';
}
