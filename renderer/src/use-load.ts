import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { ErrorPayload } from '../../main/common/contract/errors.js';
import { toCallError, type CallError, type ConsoleClient } from './api/client.js';
import { useClient, useOnReconnect } from './client-context.js';

export interface Loaded<T> {
  /** The last answer (kept while a reload is in flight). */
  data: T | null;
  /** The last failure, as the contract carries it; cleared by the next success. */
  error: ErrorPayload | null;
  loading: boolean;
  reload: () => void;
  /** For screens that patch what they loaded (a toggled plugin, a job event). */
  setData: Dispatch<SetStateAction<T | null>>;
}

/**
 * The load-and-error pattern of every screen: call the hub on mount, when `deps` change and when the event stream
 * reconnects (events may have been missed); keep the answer or the error; drop answers overtaken by a newer call.
 */
export function useLoad<T>(
  load: (client: ConsoleClient) => Promise<T>,
  deps: readonly unknown[] = [],
  opts: { onError?: (err: CallError) => void; reloadOnReconnect?: boolean } = {},
): Loaded<T> {
  const client = useClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef({ load, onError: opts.onError });
  latest.current = { load, onError: opts.onError };
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    latest.current.load(client).then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        const e = toCallError(err);
        setError(e.toPayload());
        setLoading(false);
        latest.current.onError?.(e);
      },
    );
  }, [client, ...deps]);

  useEffect(reload, [reload]);
  useOnReconnect(opts.reloadOnReconnect === false ? () => undefined : reload);
  return { data, error, loading, reload, setData };
}
