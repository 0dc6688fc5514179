import fs from 'node:fs';
import path from 'node:path';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * The hub's log file (<data>/logs/hub.log): job outcomes and host-process messages. Every line goes through
 * `redact` first, so ID numbers, phone numbers and names never reach the disk in clear. One older file is kept.
 */
export class HubLog {
  readonly file: string;

  constructor(
    dir: string,
    private readonly redact: (text: string) => string,
  ) {
    this.file = path.join(dir, 'hub.log');
  }

  /** The same masking the log applies, for text that goes elsewhere (audit entries, the terminal). */
  mask(text: string): string {
    return this.redact(text);
  }

  write(level: 'info' | 'warn' | 'error', message: string): void {
    // Lines joined with split/trim: a /\s*\n\s*/ pattern backtracks quadratically on long runs of spaces.
    const oneLine = this.redact(message)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' | ');
    const line = `${new Date().toISOString()} ${level.padEnd(5)} ${oneLine}\n`;
    try {
      if ((fs.statSync(this.file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) fs.renameSync(this.file, this.file + '.1');
      fs.appendFileSync(this.file, line, { mode: 0o600 });
    } catch {
      // A log that cannot be written must never stop the work it describes.
    }
  }
}
