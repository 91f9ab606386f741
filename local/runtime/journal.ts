import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { BusRole } from '#domain/routing/routing-table.js';

export type JournalRecord =
  | { kind: 'event'; seq: number; bus: BusRole; event: EventBridgeEnvelope }
  | { kind: 'ack'; seq: number; queue: string; messageId: string }
  | { kind: 'dead-letter'; seq: number; queue: string; messageId: string; receiveCount: number; error: string };

export type NewJournalRecord = JournalRecord extends infer R ? (R extends JournalRecord ? Omit<R, 'seq'> : never) : never;

/**
 * The embedded runtime's durable, append-only record of every event put on any bus and of every
 * message a queue finished with. Queues are rebuilt from it after a restart (routed minus
 * acknowledged minus dead-lettered), and replay re-drives it. One JSON line per record, written
 * with a single write() so a crash can cut at most the last line, which reading skips.
 */
export class Journal {
  private fd: number;
  private seq = 0;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    for (const record of this.read()) this.seq = Math.max(this.seq, record.seq);
    this.fd = openSync(path, 'a');
  }

  append(record: NewJournalRecord): JournalRecord {
    const full = { ...record, seq: ++this.seq } as JournalRecord;
    writeSync(this.fd, `${JSON.stringify(full)}\n`);
    return full;
  }

  *read(): Generator<JournalRecord> {
    if (!existsSync(this.path)) return;
    const text = readFileSync(this.path, 'utf8');
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
      const line = text.slice(start, end);
      if (line.trim() === '') continue;
      try {
        yield JSON.parse(line) as JournalRecord;
      } catch {
        // A torn last line from a crash: everything before it is intact.
      }
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
