import type { z } from 'zod';
import {
  HubError,
  isMethodName,
  methods,
  parseOrThrow,
  type MethodName,
  type Methods,
  type ResultOf,
} from '../../common/contract/index.js';

export type MethodHandler<M extends MethodName> = (
  params: z.output<Methods[M]['params']>,
) => ResultOf<M> | Promise<ResultOf<M>>;
export type MethodHandlers = { [M in MethodName]?: MethodHandler<M> };

/**
 * The one dispatcher behind every door. Features contribute handlers; each call's params are validated against
 * the contract before the handler runs, and its result after (a handler that breaks the contract is a bug, INTERNAL).
 */
export class Api {
  private readonly handlers: MethodHandlers = {};

  provide(handlers: MethodHandlers): void {
    for (const name of Object.keys(handlers) as MethodName[]) {
      if (this.handlers[name]) throw new Error(`method "${name}" already has a handler`);
      (this.handlers as Record<string, unknown>)[name] = handlers[name];
    }
  }

  async dispatch(method: string, params: unknown): Promise<unknown> {
    if (!isMethodName(method)) throw new HubError('NOT_FOUND', `unknown method "${method}"`);
    const handler = this.handlers[method] as ((p: unknown) => unknown) | undefined;
    if (!handler) throw new HubError('UNAVAILABLE', `method "${method}" is not available in this build`);
    const parsed = parseOrThrow(methods[method].params, params ?? {}, `params for ${method}`);
    const result = await handler(parsed);
    const checked = methods[method].result.safeParse(result);
    if (!checked.success) {
      throw new HubError('INTERNAL', `result of ${method} breaks the contract: ${checked.error.issues[0]?.message}`);
    }
    return checked.data;
  }

  /** Typed in-process call (CLI, tests). */
  call<M extends MethodName>(method: M, params?: z.input<Methods[M]['params']>): Promise<ResultOf<M>> {
    return this.dispatch(method, params) as Promise<ResultOf<M>>;
  }
}
