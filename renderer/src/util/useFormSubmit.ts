/**
 * The life of a form's submission, shared by every dialog: client-side errors stop it before a
 * call; while the call runs the form is busy; a server error naming fields goes beside those
 * fields (with a general banner), any other error into the banner.
 */
import { useCallback, useState } from 'react';
import { useT } from '../i18n';
import { errorMessage, fieldErrors } from './errors';

export type FieldErrors = Record<string, string>;

export function useFormSubmit() {
  const t = useT();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = useCallback(
    async (clientErrors: FieldErrors, action: () => Promise<void>) => {
      setErrors(clientErrors);
      setBanner(null);
      if (Object.keys(clientErrors).length > 0) return;
      setBusy(true);
      try {
        await action();
      } catch (err) {
        const fe = fieldErrors(err);
        if (fe) setErrors(fe);
        setBanner(fe ? t('common.formError') : errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  return { errors, setErrors, banner, setBanner, busy, submit };
}
