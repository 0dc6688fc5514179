import { hostMethods, isHostMethodName, parseOrThrow } from '../../common/contract/index.js';
import type { HostServiceContext, HostServiceInstance, ModelHostService } from './feature.js';
import { serveHost, type HostHandler } from './host-child.js';

/**
 * The model host process's side: starts the features' host services and answers the host method table
 * (contract/host-methods.ts) with their handlers, params validated before a handler runs. Two services answering
 * one method is a wiring bug, refused at start.
 */
export async function serveModelHost(services: readonly ModelHostService[], ctx: HostServiceContext): Promise<void> {
  const started: HostServiceInstance[] = [];
  for (const s of services) started.push((await s.load())(ctx));
  const handlers: Record<string, HostHandler> = {
    memory: () => process.memoryUsage(),
  };
  for (const [i, instance] of started.entries()) {
    for (const [method, handler] of Object.entries(instance.handlers)) {
      if (!isHostMethodName(method)) throw new Error(`host service "${services[i]!.id}" answers "${method}", which contract/host-methods.ts does not list`);
      if (handlers[method]) throw new Error(`host method "${method}" is answered twice (service "${services[i]!.id}")`);
      const typed = handler as (params: unknown, c: Parameters<HostHandler>[1]) => unknown;
      handlers[method] = (payload, c) => typed(parseOrThrow(hostMethods[method].params, payload ?? {}, `params for host method ${method}`), c);
    }
  }
  serveHost(handlers);
  process.on('SIGTERM', () => {
    void Promise.allSettled(started.map((s) => s.dispose?.())).finally(() => process.exit(0));
  });
}
