/** A user-facing text in Bahasa Indonesia (`id`, shown first) and English (`en`). */
export interface Message {
  id: string;
  en: string;
}

export type Locale = keyof Message;

export const message = (id: string, en: string): Message => ({ id, en });
