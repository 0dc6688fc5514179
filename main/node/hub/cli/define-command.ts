import type { parseArgs } from 'node:util';
import { parseCommandArgs, type CommandOptions } from './args.js';
import { UsageError, type Command, type CommandContext } from './command.js';

/** How many positionals a command takes (inclusive bounds) and what to say otherwise. */
export interface PositionalRule {
  min?: number;
  max?: number;
  /** The usage error for a wrong count, e.g. "expected one plugin id". */
  error?: string;
}

type Parsed<O extends CommandOptions> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

export interface CommandDefinition<O extends CommandOptions> {
  name: string;
  usage: string;
  summary: string;
  /** The command's own options (node:util parseArgs form); the global ones (--json, --data-dir …) are taken out before. */
  options?: O;
  /** Leave out when the command takes no positionals: any is then a usage error, as is an unknown option. */
  positionals?: PositionalRule;
  /** Runs with the parsed options; returns the exit code (nothing: 0). */
  run(ctx: CommandContext & { values: Parsed<O>['values']; positionals: string[] }): Promise<number | void>;
}

/**
 * A Command whose options and positional count are declared, so the parsing and the usage errors (exit 2) are written
 * once here rather than at the top of every command.
 */
export function defineCommand<O extends CommandOptions = Record<never, never>>(def: CommandDefinition<O>): Command {
  const rule = def.positionals;
  return {
    name: def.name,
    usage: def.usage,
    summary: def.summary,
    async run(ctx) {
      const { values, positionals } = parseCommandArgs(ctx.args, def.options ?? ({} as O), rule !== undefined);
      if (rule && (positionals.length < (rule.min ?? 0) || positionals.length > (rule.max ?? Infinity))) {
        throw new UsageError(rule.error ?? `expected ${describeCount(rule)} argument(s): ${def.usage}`);
      }
      return (await def.run({ ...ctx, values: values as Parsed<O>['values'], positionals })) ?? 0;
    },
  };
}

function describeCount({ min = 0, max = Infinity }: PositionalRule): string {
  if (min === max) return String(min);
  return max === Infinity ? `at least ${min}` : `${min} to ${max}`;
}

/** An option's whole number within [min, max], or the given usage error; `fallback` when the option is absent. */
export function wholeNumberOption(text: string | undefined, fallback: number, range: { min?: number; max?: number }, error: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < (range.min ?? -Infinity) || n > (range.max ?? Infinity)) throw new UsageError(error);
  return n;
}
