import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

/** node:util parseArgs with errors turned into usage errors (exit 2). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
