import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

/** A command's options in node:util parseArgs form. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with errors turned into usage errors (exit 2). Commands declare theirs with defineCommand. */
export function parseCommandArgs<T extends CommandOptions>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Reads a file named on the command line; one that cannot be read is a usage error naming it (ENOENT, EACCES …). */
export function readArgFile(file: string): Buffer;
export function readArgFile(file: string, encoding: BufferEncoding): string;
export function readArgFile(file: string, encoding?: BufferEncoding): Buffer | string {
  try {
    return encoding ? fs.readFileSync(file, encoding) : fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
