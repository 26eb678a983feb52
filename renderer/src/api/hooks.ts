/**
 * The components' only way to the host: `useQuery` reads (and reads again when its input changes
 * or the catalogue changed), `useMutation` changes something (busy while it runs, its error in the
 * user's words, and announces the change so that mounted queries refresh). Both are typed by the
 * contract: the operation's name fixes its input and its reply.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { InputOf, OperationName, OutputOf } from '@shared/contract/api';
import { errorMessage } from '../util/errors';
import { announceChange, onCatalogueChanged } from './changes';
import { call } from './client';
import { QueryCell, type QueryState } from './queryCell';

export interface QueryOptions {
  /** False: do not read (yet), e.g. until an id is known. Default true. */
  enabled?: boolean;
  /** False: the reply does not change when records change (an original's bytes). Default true. */
  followChanges?: boolean;
  /** True: while another input's reply loads, keep showing the last one (the next page of a list). */
  keepPrevious?: boolean;
}

export interface QueryResult<T> extends QueryState<T> {
  /** The error in the interface's language, or null. */
  readonly message: string | null;
  /** Reads again now. */
  reload: () => Promise<T | null>;
  /** Shows this data without a read (e.g. the reply of a save). */
  replace: (data: T) => void;
}

export function useQuery<N extends OperationName>(name: N, input: InputOf<N>, options: QueryOptions = {}): QueryResult<OutputOf<N>> {
  const { enabled = true, followChanges = true, keepPrevious = false } = options;
  const key = `${name}\u0000${JSON.stringify(input ?? {})}`;
  const inputRef = useRef(input);
  inputRef.current = input;
  const cell = useMemo(() => new QueryCell<OutputOf<N>>(() => call(name, inputRef.current)), []); // eslint-disable-line react-hooks/exhaustive-deps
  cell.setFetcher(() => call(name, inputRef.current));
  const state = useSyncExternalStore(cell.subscribe, cell.snapshot);

  useEffect(() => {
    if (!enabled) return;
    void cell.run(key, keepPrevious);
    return () => cell.abandon();
  }, [cell, key, enabled]);

  useEffect(() => {
    if (!enabled || !followChanges) return;
    return onCatalogueChanged(() => void cell.run());
  }, [cell, enabled, followChanges]);

  return {
    ...state,
    message: state.error ? errorMessage(state.error) : null,
    reload: useCallback(() => cell.run(), [cell]),
    replace: useCallback((data: OutputOf<N>) => cell.replace(data), [cell]),
  };
}

export interface MutationResult<N extends OperationName> {
  readonly busy: boolean;
  /** The last failure's sentence in the interface's language, or null. */
  readonly error: string | null;
  /** The last failure itself (its code and fields), or null. */
  readonly failure: unknown;
  readonly result: OutputOf<N> | null;
  /** Runs the operation; resolves with its reply, or null when it failed (the error is kept). */
  run: (input: InputOf<N>) => Promise<OutputOf<N> | null>;
  /** Runs the operation and throws its error (for a form that puts errors beside its fields). */
  send: (input: InputOf<N>) => Promise<OutputOf<N>>;
  /** Clears the error shown (the user edited the form again). */
  clearError: () => void;
}

export interface MutationOptions {
  /** False: the operation changes nothing the views show (a read that the contract marks as a change, e.g. an export). Default true. */
  announces?: boolean;
}

export function useMutation<N extends OperationName>(name: N, options: MutationOptions = {}): MutationResult<N> {
  const { announces = true } = options;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<OutputOf<N> | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const send = useCallback(
    async (input: InputOf<N>): Promise<OutputOf<N>> => {
      setBusy(true);
      setFailure(null);
      try {
        const reply = await call(name, input);
        if (live.current) setResult(reply);
        if (announces) announceChange(name);
        return reply;
      } finally {
        if (live.current) setBusy(false);
      }
    },
    [name, announces],
  );
  const run = useCallback(
    async (input: InputOf<N>): Promise<OutputOf<N> | null> => {
      try {
        return await send(input);
      } catch (err) {
        if (live.current) setFailure(err);
        return null;
      }
    },
    [send],
  );

  return {
    busy,
    failure,
    error: failure ? errorMessage(failure) : null,
    result,
    run,
    send,
    clearError: useCallback(() => setFailure(null), []),
  };
}

/**
 * A read the user asks for at a moment of their choosing (count all that match, check a backup):
 * like `useMutation`, busy and error included, but it announces no change.
 */
export function useLazyQuery<N extends OperationName>(name: N): MutationResult<N> {
  return useMutation(name, { announces: false });
}
