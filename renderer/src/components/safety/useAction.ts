/** A button's call: busy while it runs, its error in the user's words, its result kept. */
import { useCallback, useState } from 'react';
import { errorMessage } from '../../util/errors';

export function useAction<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<R | null>(null);
  const go = useCallback(
    async (...args: A): Promise<R | null> => {
      setBusy(true);
      setError(null);
      setFailure(null);
      try {
        const r = await run(...args);
        setResult(r);
        return r;
      } catch (err) {
        setError(errorMessage(err));
        setFailure(err);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [run],
  );
  return { busy, error, failure, result, go, setResult, setError };
}
