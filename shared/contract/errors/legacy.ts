/**
 * Errors still written as prose (`new ApiError(kind, vietnamese, english, fields?)`), while the
 * areas move to codes and parameters. The English text is shown in the English interface.
 */
import { defineErrors, error, type ErrorKind } from './define';

export const legacyErrors = defineErrors({
  codes: {
    'legacy.message': error<{ kind: ErrorKind; vi: string; en: string }>('internal'),
    'legacy.field': error<{ vi: string }>('invalid_input'),
  },
  vi: {
    'legacy.message': (p) => p.vi,
    'legacy.field': (p) => p.vi,
  },
  en: {
    'legacy.message': (p) => p.en,
    'legacy.field': (p) => p.vi,
  },
});
