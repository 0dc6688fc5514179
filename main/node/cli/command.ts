import type { Hub } from '../hub/hub.js';
import type { Output } from './output.js';

/** Thrown for bad command lines: exit code 2 and the usage line. */
export class UsageError extends Error {}

export interface GlobalOptions {
  json: boolean;
  debug: boolean;
  dataDir?: string;
}

export interface CommandContext {
  args: string[];
  global: GlobalOptions;
  out: Output;
  /** Opens the hub on first use (commands like `help` need none). */
  hub(): Hub;
}

/** A CLI command contributes itself through this shape; cli/commands/index.ts lists them. */
export interface Command {
  /** e.g. "plugins list" */
  name: string;
  usage: string;
  summary: string;
  /** Exit code: 0 all done, 1 some inputs failed. */
  run(ctx: CommandContext): Promise<number>;
}
