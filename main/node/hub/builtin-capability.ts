import { z } from 'zod';
import { HubError, parseOrThrow } from '../../common/contract/index.js';
import type { CapabilityProvider, InvokeContext, InvokeResult } from './capability-registry.js';

export interface BuiltinCapabilitySpec<I extends z.ZodType, O extends z.ZodType> {
  id: string;
  title: string;
  description?: string;
  input: I;
  output: O;
  invoke(input: z.output<I>, ctx: InvokeContext): Promise<{ output: z.input<O>; engine?: string }>;
  /** See CapabilityProvider.itemsAtOnce. */
  itemsAtOnce?: number;
}

/** A built-in capability from zod schemas: validated like plugin ones, described to clients as JSON Schema. */
export function builtinCapability<I extends z.ZodType, O extends z.ZodType>(spec: BuiltinCapabilitySpec<I, O>): CapabilityProvider {
  return {
    info: {
      id: spec.id,
      title: spec.title,
      ...(spec.description ? { description: spec.description } : {}),
      provider: { kind: 'builtin', id: 'app' },
      inputSchema: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
      outputSchema: z.toJSONSchema(spec.output, { unrepresentable: 'any' }) as Record<string, unknown>,
    },
    parseInput: (input) => parseOrThrow(spec.input, input, `input for ${spec.id}`),
    parseOutput: (output) => {
      const r = spec.output.safeParse(output);
      if (!r.success) throw new HubError('INTERNAL', `${spec.id} produced output that breaks its contract: ${r.error.issues[0]?.message}`);
      return r.data;
    },
    invoke: (input, ctx): Promise<InvokeResult> => spec.invoke(input as z.output<I>, ctx),
    ...(spec.itemsAtOnce ? { itemsAtOnce: spec.itemsAtOnce } : {}),
  };
}
