/**
 * One line of progress on stderr (stdout stays clean for --json): rewritten in place on a
 * terminal, printed at most every few seconds otherwise so logs stay short.
 */
export class ProgressLine {
  private lastPrinted = 0;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly quietMs = 2000,
  ) {}

  update(text: string): void {
    const now = Date.now();
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${text}`);
      this.shown = true;
    } else if (now - this.lastPrinted >= this.quietMs) {
      this.stream.write(`${text}\n`);
      this.lastPrinted = now;
    }
  }

  done(text?: string): void {
    if (this.stream.isTTY && this.shown) this.stream.write('\r\x1b[2K');
    if (text) this.stream.write(`${text}\n`);
    this.shown = false;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}
