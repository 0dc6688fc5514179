import type { MethodName, ParamsOf, ResultOf } from '../../../main/common/contract/methods.js';
import type { JobEvent } from '../../../main/common/contract/jobs.js';
import { toCallError } from './errors.js';
import type { ConnectionState, ConsoleClient, HubBridge } from './types.js';

/** HubClient over the Electron preload's `window.hub` (IPC `hub:call` / `hub:event`). */
export function createIpcClient(bridge: HubBridge): ConsoleClient {
  return {
    transport: 'electron',
    async call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
      try {
        return (await bridge.call(method, params ?? {})) as ResultOf<M>;
      } catch (err) {
        throw toCallError(err);
      }
    },
    onEvent(listener: (event: JobEvent) => void): () => void {
      return bridge.onEvent(listener);
    },
    connection: (): ConnectionState => 'open',
    onConnection: () => () => undefined,
    close: () => undefined,
  };
}
