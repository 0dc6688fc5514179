import type { Hub } from '../hub.js';

/**
 * The shape of an `ic` command. It lives at the hub layer (not in cli/) so that a feature folder can contribute
 * its commands (FeatureContribution.commands) without importing the CLI; cli/ only collects and runs them.
 */

/** Thrown for bad command lines: exit code 2 and the usage line. */
export class UsageError extends Error {}

export interface GlobalOptions {
  json: boolean;
  debug: boolean;
  dataDir?: string;
}

/** Where a command writes: results to stdout (JSON lines with --json), progress and messages to stderr. */
export interface CommandOutput {
  readonly json: boolean;
  readonly isTTY: boolean;
  /** One result: a JSON line with --json, else the text form. */
  result(value: unknown, text?: () => string): void;
  /** A failed input of a batch: `{file, error}` (or `{index, error}`). */
  failure(where: { file: string } | { index: number }, err: unknown): void;
  info(line: string): void;
  progress(done: number, total: number, label?: string): void;
}

export interface CommandContext {
  args: string[];
  global: GlobalOptions;
  out: CommandOutput;
  /** Opens the hub on first use (commands like `help` need none). */
  hub(): Hub;
}

/** A CLI command: the CLI's own ones are listed in cli/commands/index.ts, features' ones come with their contribution. */
export interface Command {
  /** e.g. "plugins list" */
  name: string;
  usage: string;
  summary: string;
  /** Exit code: 0 all done, 1 some inputs failed. */
  run(ctx: CommandContext): Promise<number>;
}
