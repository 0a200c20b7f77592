import { learningMethods, type LearningMethod } from '@bangkom/domain';
import type { Locale } from './i18n';

/** A learning method's name in the user's language; a code the app does not know shows as it is. */
export const methodLabel = (code: string, locale: Locale): string => learningMethods[code as LearningMethod]?.label[locale] ?? code;
