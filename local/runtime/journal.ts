import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { BusRole } from '#domain/routing/routing-table.js';
import { frame, readFrame } from './record-frame.js';
import type { Recovery } from './recovery.js';

export type JournalRecord =
  | { kind: 'event'; seq: number; bus: BusRole; event: EventBridgeEnvelope }
  | { kind: 'ack'; seq: number; queue: string; messageId: string }
  | { kind: 'dead-letter'; seq: number; queue: string; messageId: string; receiveCount: number; error: string; body?: string };

export type NewJournalRecord = JournalRecord extends infer R ? (R extends JournalRecord ? Omit<R, 'seq'> : never) : never;

/** A record and where its frame starts in the journal file. */
export interface PlacedRecord {
  record: JournalRecord;
  offset: number;
}

/** Where a checkpoint says the journal was: everything before `bytes` is covered by it. */
export interface JournalPosition {
  bytes: number;
  seq: number;
}

/**
 * The embedded runtime's durable, append-only record of every event put on any bus and of every
 * message a queue finished with. Queues are rebuilt from it after a restart (routed minus
 * acknowledged minus dead-lettered), and replay re-drives it. Each record is one framed line
 * (length and checksum, see record-frame.ts) written with a single write(). A crash can cut only
 * the last one; opening detects that, cuts it off and reports it, so the next record is never
 * appended onto a torn one. Opened from a checkpoint's position, only the records after it are
 * read, so opening does not slow down as history grows.
 */
export class Journal {
  private fd: number;
  private seq = 0;
  private end: number;
  readonly recoveries: Recovery[] = [];
  /** The records after the position it was opened from (all of them without one). */
  readonly tail: PlacedRecord[];

  constructor(
    private readonly path: string,
    from: JournalPosition = { bytes: 0, seq: 0 },
  ) {
    mkdirSync(dirname(path), { recursive: true });
    const { records, validEnd, total, problems } = this.scan(from.bytes);
    this.seq = from.seq;
    for (const { record } of records) this.seq = Math.max(this.seq, record.seq);
    this.tail = records;
    this.recoveries.push(...problems);
    this.fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    if (validEnd < total) {
      const tail = readFrom(path, validEnd, total);
      ftruncateSync(this.fd, validEnd);
      if (tail.some((byte) => byte !== 0x0a))
        this.recoveries.push({ file: basename(path), action: 'cut a torn last record', at: validEnd, bytes: total - validEnd });
    }
    this.end = validEnd;
  }

  /** Whether a checkpoint's position can be trusted for this file: inside it, at a record's end. */
  static fits(path: string, position: JournalPosition & { lastRecordAt: number }): boolean {
    if (!existsSync(path) || statSync(path).size < position.bytes) return false;
    if (position.bytes === 0) return true;
    const length = position.bytes - position.lastRecordAt;
    if (length <= 0 || length > 64 * 1024 * 1024) return false;
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, position.lastRecordAt);
      const read = readFrame(buffer, 0);
      return read.kind !== 'broken' && read.end === length && parseRecord(read.payload)?.seq === position.seq;
    } finally {
      closeSync(fd);
    }
  }

  get position(): JournalPosition {
    return { bytes: this.end, seq: this.seq };
  }

  append(record: NewJournalRecord): PlacedRecord {
    const full = { ...record, seq: ++this.seq } as JournalRecord;
    const bytes = frame(JSON.stringify(full));
    const offset = this.end;
    writeSync(this.fd, bytes, 0, bytes.byteLength, offset);
    this.end += bytes.byteLength;
    return { record: full, offset };
  }

  /** Every record in the file, oldest first. */
  *read(): Generator<JournalRecord> {
    for (const placed of this.scan(0).records) yield placed.record;
  }

  /** The records whose frames start at these offsets, in the order given. */
  readAt(offsets: readonly number[]): JournalRecord[] {
    const records: JournalRecord[] = [];
    const header = Buffer.alloc(24);
    for (const offset of offsets) {
      readSync(this.fd, header, 0, header.byteLength, offset);
      const match = /^(\d{1,10}) /.exec(header.toString('latin1'));
      if (!match) continue;
      const whole = Buffer.alloc(match[0].length + 9 + Number(match[1]) + 1);
      readSync(this.fd, whole, 0, whole.byteLength, offset);
      const read = readFrame(whole, 0);
      const record = read.kind === 'broken' ? undefined : parseRecord(read.payload);
      if (record) records.push(record);
    }
    return records;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /**
   * Every whole record from `from` on, where the whole records end, and the garbled ones in
   * between (skipped and reported: the records after them are intact and worth more than a
   * clean cut).
   */
  private scan(from: number): { records: PlacedRecord[]; validEnd: number; total: number; problems: Recovery[] } {
    if (!existsSync(this.path)) return { records: [], validEnd: 0, total: 0, problems: [] };
    const total = statSync(this.path).size;
    const buffer = readFrom(this.path, from, total);
    const records: PlacedRecord[] = [];
    const problems: Recovery[] = [];
    let at = 0;
    let validEnd = 0;
    let brokenAt: { at: number; reason: string } | undefined;
    while (at < buffer.byteLength) {
      if (buffer[at] === 0x0a) {
        at += 1;
        continue;
      }
      const read = readFrame(buffer, at);
      const parsed = read.kind === 'broken' ? undefined : parseRecord(read.payload);
      if (read.kind === 'broken' || !parsed) {
        brokenAt ??= { at, reason: read.kind === 'broken' ? read.reason : 'a record that is not JSON' };
        const next = buffer.indexOf(0x0a, at);
        if (next === -1) break;
        at = next + 1;
        continue;
      }
      if (brokenAt) {
        problems.push({ file: basename(this.path), action: `skipped ${brokenAt.reason}`, at: from + brokenAt.at, bytes: at - brokenAt.at });
        brokenAt = undefined;
      }
      records.push({ record: parsed, offset: from + at });
      at = read.end;
      validEnd = at;
    }
    return { records, validEnd: from + validEnd, total, problems };
  }
}

/** The file's bytes from `from` to `to`, without reading what a checkpoint already covers. */
function readFrom(path: string, from: number, to: number): Buffer {
  const buffer = Buffer.alloc(Math.max(0, to - from));
  if (buffer.byteLength === 0) return buffer;
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.byteLength, from);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

function parseRecord(payload: string): JournalRecord | undefined {
  try {
    const record = JSON.parse(payload) as JournalRecord;
    return typeof record === 'object' && record !== null && typeof record.seq === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}
