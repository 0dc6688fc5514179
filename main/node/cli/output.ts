import { toErrorPayload } from '../../common/contract/index.js';
import type { CommandOutput } from '../hub/cli/command.js';

/** Results to stdout (JSON lines with --json), progress and errors to stderr. */
export class Output implements CommandOutput {
  constructor(
    readonly json: boolean,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  ) {}

  /** One result: a JSON line with --json, else the text form. */
  result(value: unknown, text?: () => string): void {
    this.stdout.write(this.json ? JSON.stringify(value) + '\n' : (text ? text() : JSON.stringify(value, null, 2)) + '\n');
  }

  /** A failed input of a batch: `{file, error}` (or `{index, error}`) on stdout with --json, a line on stderr otherwise. */
  failure(where: { file: string } | { index: number }, err: unknown): void {
    const error = toErrorPayload(err);
    if (this.json) this.stdout.write(JSON.stringify({ ...where, error }) + '\n');
    else this.stderr.write(`${'file' in where ? where.file : `input ${where.index + 1}`}: ${error.message}\n`);
  }

  info(line: string): void {
    this.stderr.write(line + '\n');
  }

  get isTTY(): boolean {
    return Boolean(this.stderr.isTTY);
  }

  /** Progress on stderr: a redrawn bar on a terminal, nothing when stderr is a pipe or file. */
  progress(done: number, total: number, label = ''): void {
    if (!this.isTTY) return;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    this.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`.slice(0, 120).padEnd(80));
    if (done >= total) this.stderr.write('\n');
  }
}
