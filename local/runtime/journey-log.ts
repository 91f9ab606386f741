import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { JourneyLogLine } from '#local/log-lines/journey-log-line.js';
import { frame, readFollowedFrames } from './record-frame.js';

/** Journey ids name files here: only ids that are plain file names are kept (every id the platform makes is). */
const FILE_SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Files held open at once; the journeys in flight rarely need more. */
const OPEN_FILES = 32;

export const journeyLogDir = (dataDir: string) => join(dataDir, 'logs');
const fileOf = (dir: string, journeyId: string) => join(dir, `${journeyId}.ndjson`);

/**
 * The functions' log lines about each journey, one append-only file per journey in the data dir
 * (logs/<journey-id>.ndjson), framed as the journal is (record-frame.ts): a line a crash cut short
 * is told apart and skipped, and the next line starts on a line of its own. Appends go through
 * O_APPEND, so a reader in another process sees whole lines or the start of the last one.
 */
export class JourneyLog {
  private readonly files = new Map<string, number>();
  private closed = false;

  constructor(private readonly dir: string) {}

  append(journeyId: string, line: JourneyLogLine): void {
    // A stopped invocation may still log after the runtime closed; the data dir is no longer this process's.
    if (this.closed || !FILE_SAFE_ID.test(journeyId)) return;
    const bytes = frame(JSON.stringify(line));
    writeSync(this.fileFor(journeyId), bytes, 0, bytes.byteLength);
  }

  close(): void {
    this.closed = true;
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }

  private fileFor(journeyId: string): number {
    const open = this.files.get(journeyId);
    if (open !== undefined) {
      // Most recently used last, so the one closed to make room is the one idle longest.
      this.files.delete(journeyId);
      this.files.set(journeyId, open);
      return open;
    }
    if (this.files.size >= OPEN_FILES) {
      const [oldest, fd] = this.files.entries().next().value!;
      closeSync(fd);
      this.files.delete(oldest);
    }
    mkdirSync(this.dir, { recursive: true });
    const fd = openSync(fileOf(this.dir, journeyId), 'a+');
    // A torn last line (a crash mid-write) must not swallow the next one.
    const size = fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) writeSync(fd, '\n');
    }
    this.files.set(journeyId, fd);
    return fd;
  }
}

/**
 * The journey's lines from byte `from` on, and where the next read starts: a line still being
 * written (no line end yet) is left for the next read; a garbled one between whole lines is skipped.
 * Takes no lock, so it reads while another process runs the journey.
 */
export function readJourneyLog(dataDir: string, journeyId: string, from = 0): { lines: JourneyLogLine[]; end: number; exists: boolean } {
  const path = fileOf(journeyLogDir(dataDir), journeyId);
  if (!FILE_SAFE_ID.test(journeyId) || !existsSync(path)) return { lines: [], end: from, exists: false };
  const size = statSync(path).size;
  if (size <= from) return { lines: [], end: from, exists: true };
  const buffer = Buffer.alloc(size - from);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.byteLength, from);
  } finally {
    closeSync(fd);
  }
  const { payloads, consumed } = readFollowedFrames(buffer);
  const lines: JourneyLogLine[] = [];
  for (const payload of payloads) {
    try {
      lines.push(JSON.parse(payload) as JourneyLogLine);
    } catch {
      // Not a line this file holds; the ones after it are.
    }
  }
  return { lines, end: from + consumed, exists: true };
}
