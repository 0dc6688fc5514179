import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { JobEvent } from '../../main/common/contract/jobs.js';
import type { ConnectionState, ConsoleClient } from './api/client.js';

const ClientContext = createContext<ConsoleClient | null>(null);

export function ClientProvider({ client, children }: { client: ConsoleClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ConsoleClient {
  const c = useContext(ClientContext);
  if (!c) throw new Error('useClient outside ClientProvider');
  return c;
}

/** Subscribes to hub events for the component's lifetime; the latest `listener` is always the one called. */
export function useHubEvent(listener: (event: JobEvent) => void): void {
  const client = useClient();
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => client.onEvent((e) => ref.current(e)), [client]);
}

/** The event stream's state; screens refetch when it comes back 'open' after a drop (events may have been missed). */
export function useConnection(): ConnectionState {
  const client = useClient();
  const [state, setState] = useState<ConnectionState>(client.connection());
  useEffect(() => {
    setState(client.connection());
    return client.onConnection(setState);
  }, [client]);
  return state;
}

/** Calls `refetch` whenever the event stream reconnects (not on the first open). */
export function useOnReconnect(refetch: () => void): void {
  const state = useConnection();
  const seenOpen = useRef(false);
  const ref = useRef(refetch);
  useEffect(() => {
    ref.current = refetch;
  });
  useEffect(() => {
    if (state !== 'open') return;
    if (seenOpen.current) ref.current();
    seenOpen.current = true;
  }, [state]);
}
