import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { journalPathOf } from './journal-path.js';
import { join } from 'node:path';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { Journal, type JournalRecord } from './journal.js';
import { readFollowedFrames, readFrame } from './record-frame.js';
import { readCheckpoint } from './runtime-checkpoint.js';

const journeyOf = (event: EventBridgeEnvelope) => (event.detail as { journeyId?: unknown } | null)?.journeyId;

/**
 * One journey's events, read from a data dir's journal without opening the runtime or taking its
 * lock, so it reads while another process (an upload, serve) runs the journey. Each `read` takes
 * only what was appended since the last; a record still being written is left for the next.
 * Starts from the checkpoint when it fits the journal, as opening the runtime does.
 */
export class JournalFollower {
  private readonly path: string;
  private readonly events: EventBridgeEnvelope[] = [];
  private position = 0;
  private started = false;

  constructor(
    dataDir: string,
    private readonly journeyId: string,
  ) {
    this.path = journalPathOf(dataDir);
    this.checkpointPath = join(dataDir, 'checkpoint.json');
  }

  private readonly checkpointPath: string;

  /** Every event of the journey so far, oldest first. */
  read(): EventBridgeEnvelope[] {
    if (!existsSync(this.path)) return [...this.events];
    if (!this.started) this.start();
    const size = statSync(this.path).size;
    if (size > this.position) {
      const { payloads, consumed } = readFollowedFrames(this.bytes(this.position, size));
      for (const payload of payloads) this.take(payload);
      this.position += consumed;
    }
    return [...this.events];
  }

  private start(): void {
    this.started = true;
    const checkpoint = readCheckpoint(this.checkpointPath);
    if (!checkpoint || !Journal.fits(this.path, checkpoint.journal)) return;
    const known = checkpoint.journeys.find((j) => j.listing.journeyId === this.journeyId);
    for (const offset of known?.offsets ?? []) {
      const head = this.bytes(offset, offset + 24).toString('latin1');
      const length = /^(\d{1,10}) /.exec(head);
      if (!length) continue;
      const whole = this.bytes(offset, offset + length[0].length + 9 + Number(length[1]) + 1);
      const read = readFrame(whole, 0);
      if (read.kind !== 'broken') this.take(read.payload);
    }
    this.position = checkpoint.journal.bytes;
  }

  private take(payload: string): void {
    let record: JournalRecord;
    try {
      record = JSON.parse(payload) as JournalRecord;
    } catch {
      return;
    }
    if (record.kind === 'event' && journeyOf(record.event) === this.journeyId) this.events.push(record.event);
  }

  private bytes(from: number, to: number): Buffer {
    const buffer = Buffer.alloc(Math.max(0, to - from));
    const fd = openSync(this.path, 'r');
    try {
      const read = readSync(fd, buffer, 0, buffer.byteLength, from);
      return buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  }
}
