/**
 * Reassembles a stream's chunks into whole lines before they are masked and logged: a chunk boundary can fall in
 * the middle of an ID number, and a half number is not recognised by the masker. A line longer than `maxLine`
 * (a process writing without newlines) is let out in pieces cut at a space where there is one, so a number
 * written inside such a line is only split when the line has no space for 32 KiB around it.
 */
export class LineSplitter {
  private buf = '';

  constructor(
    private readonly emit: (text: string) => void,
    private readonly maxLine = 64 * 1024,
    private readonly overlap = 64,
  ) {}

  push(chunk: string): void {
    this.buf += chunk;
    const nl = this.buf.lastIndexOf('\n');
    if (nl >= 0) {
      this.emit(this.buf.slice(0, nl + 1));
      this.buf = this.buf.slice(nl + 1);
    }
    while (this.buf.length > this.maxLine) {
      // Cut at the last whitespace before the limit where there is one, else hard at the limit.
      const limit = this.maxLine - this.overlap;
      const ws = this.buf.lastIndexOf(' ', limit);
      const cut = ws > limit / 2 ? ws + 1 : limit;
      this.emit(this.buf.slice(0, cut) + '\n');
      this.buf = this.buf.slice(cut);
    }
  }

  /** The rest (the process ended without a final newline). */
  flush(): void {
    if (this.buf) this.emit(this.buf + '\n');
    this.buf = '';
  }
}
