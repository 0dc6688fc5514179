import { useCallback, useState } from 'react';
import type { ErrorPayload } from '../../main/common/contract/errors.js';
import { toCallError } from './api/client.js';

/**
 * A screen's actions (buttons that call the hub) and the error of the last one: `run` marks the action busy while it
 * works (its button shows a spinner), clears the previous error, and keeps the new one to show in an ErrorBox.
 */
export function useAction() {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const run = useCallback(async (busy: (on: boolean) => void, work: () => Promise<void>): Promise<void> => {
    busy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(toCallError(err).toPayload());
    } finally {
      busy(false);
    }
  }, []);
  return { error, run };
}
