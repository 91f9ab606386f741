import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { BusRole } from '#domain/routing/routing-table.js';
import { frame, readFrame } from './record-frame.js';
import type { Recovery } from './recovery.js';

export type JournalRecord =
  | { kind: 'event'; seq: number; bus: BusRole; event: EventBridgeEnvelope }
  | { kind: 'ack'; seq: number; queue: string; messageId: string }
  | { kind: 'dead-letter'; seq: number; queue: string; messageId: string; receiveCount: number; error: string };

export type NewJournalRecord = JournalRecord extends infer R ? (R extends JournalRecord ? Omit<R, 'seq'> : never) : never;

/**
 * The embedded runtime's durable, append-only record of every event put on any bus and of every
 * message a queue finished with. Queues are rebuilt from it after a restart (routed minus
 * acknowledged minus dead-lettered), and replay re-drives it. Each record is one framed line
 * (length and checksum, see record-frame.ts) written with a single write(). A crash can cut only
 * the last one; opening detects that, cuts it off and reports it, so the next record is never
 * appended onto a torn one.
 */
export class Journal {
  private fd: number;
  private seq = 0;
  readonly recoveries: Recovery[] = [];

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    const { records, validEnd, total, problems } = this.scan();
    for (const record of records) this.seq = Math.max(this.seq, record.seq);
    this.recoveries.push(...problems);
    this.fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    if (validEnd < total) {
      const tail = readFileSync(path).subarray(validEnd);
      ftruncateSync(this.fd, validEnd);
      if (tail.some((byte) => byte !== 0x0a)) this.recoveries.push({ file: basename(path), action: 'cut a torn last record', at: validEnd, bytes: total - validEnd });
    }
    this.end = validEnd;
  }

  private end: number;

  append(record: NewJournalRecord): JournalRecord {
    const full = { ...record, seq: ++this.seq } as JournalRecord;
    const bytes = frame(JSON.stringify(full));
    writeSync(this.fd, bytes, 0, bytes.byteLength, this.end);
    this.end += bytes.byteLength;
    return full;
  }

  *read(): Generator<JournalRecord> {
    yield* this.scan().records;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /**
   * Every whole record, where the whole records end, and the garbled ones in between (skipped
   * and reported: the records after them are intact and worth more than a clean cut).
   */
  private scan(): { records: JournalRecord[]; validEnd: number; total: number; problems: Recovery[] } {
    if (!existsSync(this.path)) return { records: [], validEnd: 0, total: 0, problems: [] };
    const buffer = readFileSync(this.path);
    const records: JournalRecord[] = [];
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
        problems.push({ file: basename(this.path), action: `skipped ${brokenAt.reason}`, at: brokenAt.at, bytes: at - brokenAt.at });
        brokenAt = undefined;
      }
      records.push(parsed);
      at = read.end;
      validEnd = at;
    }
    return { records, validEnd, total: buffer.byteLength, problems };
  }
}

function parseRecord(payload: string): JournalRecord | undefined {
  try {
    const record = JSON.parse(payload) as JournalRecord;
    return typeof record === 'object' && record !== null && typeof record.seq === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}
