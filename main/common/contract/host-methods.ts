import { z } from 'zod';
import { OcrInput, OcrOutput } from './ocr.js';

/**
 * Every method of the model host process (inference off the hub's thread), with its params and result schema:
 * the model host's counterpart of methods.ts. The host validates params before a service's handler runs; the hub
 * validates the result it gets back, so neither side casts. A feature's model-host service answers some of these
 * (main/node/capabilities/<feature>/*-host-service.ts); a new one joins with an entry here.
 */
export const hostMethods = {
  /** OCR of one file, every page (or the pages asked for). */
  ocr: { params: z.object({ input: OcrInput }), result: OcrOutput },
  /** The host's memory, for benchmarks and diagnostics (answered by the host itself, not a service). */
  memory: {
    params: z.object({}).default({}),
    result: z.object({
      rss: z.number(),
      heapTotal: z.number(),
      heapUsed: z.number(),
      external: z.number(),
      arrayBuffers: z.number(),
    }),
  },
} as const;

export type HostMethods = typeof hostMethods;
export type HostMethodName = keyof HostMethods;
/** What a caller passes (defaults not yet applied). */
export type HostParamsOf<M extends HostMethodName> = z.input<HostMethods[M]['params']>;
/** What a handler receives (parsed, defaults applied). */
export type HostParsedParamsOf<M extends HostMethodName> = z.output<HostMethods[M]['params']>;
export type HostResultOf<M extends HostMethodName> = z.infer<HostMethods[M]['result']>;

export function isHostMethodName(name: string): name is HostMethodName {
  return Object.prototype.hasOwnProperty.call(hostMethods, name);
}
