/**
 * The services write one fixed Vietnamese notice where a locked viewer may not see a value (a
 * secret record's subject, a secret original's name): the same notice goes into the Vietnamese
 * forms and exports. On screen it is worded in the interface's language.
 */
import type { Locale } from '@shared/contract/types';
import { HIDDEN_SECRET_TEXT } from '@shared/security/secretFields';
import { translate } from '../i18n';

/** `value` as shown: the withheld notice in the interface's language, anything else as it is. */
export function nameAsShown<T extends string | null | undefined>(value: T, locale: Locale): T | string {
  return value === HIDDEN_SECRET_TEXT ? translate(locale, 'secret.withheld') : value;
}

/** A list of values (an import run's sources), each as shown. */
export function namesAsShown(values: readonly string[], locale: Locale): string[] {
  return values.map((v) => nameAsShown(v, locale));
}
