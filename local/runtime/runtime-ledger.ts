import { join } from 'node:path';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { DEAD_LETTER_RECORDER, type BusRole } from '#domain/routing/routing-table.js';
import { JourneyEventIndex } from '#domain/journeys/journey-event-index.js';
import type { RoutedMessage } from './embedded-event-bus.js';
import { Journal, type JournalRecord, type NewJournalRecord } from './journal.js';
import { journalPathOf } from './journal-path.js';
import { readCheckpoint, writeCheckpoint, CHECKPOINT_VERSION, type RuntimeCheckpoint } from './runtime-checkpoint.js';
import type { Recovery } from './recovery.js';

/** A queue message the runtime has sent: enough to send it again after a restart. */
export interface PendingMessage {
  target: string;
  messageId: string;
  body: string;
  sourceQueue?: string;
}

/**
 * What the embedded runtime has recorded, apart from how it delivers: the journal of every event
 * and every message finished with, the journeys indexed from it, the messages sent and not yet
 * finished with, and the checkpoint that spares the next open reading the whole journal again.
 */
export class RuntimeLedger {
  readonly journeys = new JourneyEventIndex();
  private readonly journal: Journal;
  private readonly checkpoint: RuntimeCheckpoint | undefined;
  private readonly checkpointPath: string;
  /** Where each journey's events are in the journal, for the checkpoint. */
  private readonly journeyOffsets = new Map<string, number[]>();
  /** Queue messages sent and not yet acknowledged or dead-lettered, by `target|messageId`. */
  private readonly unfinished = new Map<string, PendingMessage>();
  private readonly listeners = new Set<(record: JournalRecord) => void>();
  private lastRecordAt = 0;

  constructor(dataDir: string) {
    const journalPath = journalPathOf(dataDir);
    this.checkpointPath = join(dataDir, 'checkpoint.json');
    const checkpoint = readCheckpoint(this.checkpointPath);
    this.checkpoint = checkpoint && Journal.fits(journalPath, checkpoint.journal) ? checkpoint : undefined;
    this.journal = new Journal(journalPath, this.checkpoint?.journal);
    this.lastRecordAt = this.checkpoint?.journal.lastRecordAt ?? 0;
  }

  /** What opening the journal had to repair (a record torn by a crash). */
  get recoveries(): readonly Recovery[] {
    return this.journal.recoveries;
  }

  /** Journals an event before it is routed, so nothing routed is ever unrecorded. */
  recordEvent(bus: BusRole, event: EventBridgeEnvelope): void {
    const offset = this.record({ kind: 'event', bus, event });
    this.journeys.add(event);
    this.noteOffset(event, offset);
  }

  /** Journals that a queue is finished with a message: acknowledged or dead-lettered. */
  recordFinished(record: Exclude<NewJournalRecord, { kind: 'event' }>): void {
    this.record(record);
  }

  sent(message: PendingMessage): void {
    this.unfinished.set(`${message.target}|${message.messageId}`, message);
  }

  /**
   * Rebuilds the journey index and returns every routed message not yet finished with: from
   * the checkpoint the last process left (views, and the messages it had not finished), then
   * from the journal records written after it (all of them when there is none), routed again
   * by `route` as they were when first put.
   */
  recover(route: (bus: BusRole, event: EventBridgeEnvelope) => RoutedMessage[]): PendingMessage[] {
    const finished = new Set<string>();
    const deadLettered: PendingMessage[] = [];
    const events: { bus: BusRole; event: EventBridgeEnvelope; offset: number }[] = [];
    for (const { record, offset } of this.journal.tail) {
      this.lastRecordAt = offset;
      if (record.kind === 'event') events.push({ bus: record.bus, event: record.event, offset });
      else finished.add(`${record.queue}|${record.messageId}`);
      // A message dead-lettered just before a stop still goes to the recorder.
      if (record.kind === 'dead-letter' && record.body !== undefined && record.queue !== DEAD_LETTER_RECORDER) {
        deadLettered.push({ target: DEAD_LETTER_RECORDER, messageId: record.messageId, body: record.body, sourceQueue: `${record.queue}-dlq` });
      }
    }
    for (const { listing, offsets } of this.checkpoint?.journeys ?? []) {
      this.journeyOffsets.set(listing.journeyId, [...offsets]);
      this.journeys.addListing(listing, () => this.journal.readAt(offsets).flatMap((r) => (r.kind === 'event' ? [r.event] : [])));
    }
    const pending: PendingMessage[] = [...(this.checkpoint?.unfinished ?? []), ...deadLettered];
    for (const { bus, event, offset } of events) {
      this.journeys.add(event);
      this.noteOffset(event, offset);
      for (const message of route(bus, event)) pending.push({ target: message.route.target, messageId: message.messageId, body: message.body });
    }
    return pending.filter((message) => !finished.has(`${message.target}|${message.messageId}`));
  }

  /** The journal as written so far, oldest first. */
  records(): JournalRecord[] {
    return [...this.journal.read()];
  }

  /** Calls back with every journal record from now on; returns the unsubscribe. */
  onRecord(listener: (record: JournalRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Leaves a checkpoint behind and closes the journal. */
  close(): void {
    this.saveCheckpoint();
    this.journal.close();
  }

  private record(record: NewJournalRecord): number {
    const { record: written, offset } = this.journal.append(record);
    this.lastRecordAt = offset;
    if (written.kind !== 'event') this.unfinished.delete(`${written.queue}|${written.messageId}`);
    for (const listener of this.listeners) listener(written);
    return offset;
  }

  private noteOffset(event: EventBridgeEnvelope, offset: number): void {
    const journeyId = (event.detail as { journeyId?: unknown } | null)?.journeyId;
    if (typeof journeyId !== 'string') return;
    const offsets = this.journeyOffsets.get(journeyId);
    if (offsets) offsets.push(offset);
    else this.journeyOffsets.set(journeyId, [offset]);
  }

  /** Only when the journal moved on since the checkpoint it opened from: most commands only read. */
  private saveCheckpoint(): void {
    const position = this.journal.position;
    if (this.checkpoint && this.checkpoint.journal.bytes === position.bytes) return;
    if (position.bytes === 0) return;
    const journeys = this.journeys.listings().map((listing) => ({ listing, offsets: this.journeyOffsets.get(listing.journeyId) ?? [] }));
    try {
      writeCheckpoint(this.checkpointPath, {
        version: CHECKPOINT_VERSION,
        journal: { ...position, lastRecordAt: this.lastRecordAt },
        unfinished: [...this.unfinished.values()],
        journeys,
      });
    } catch {
      // A checkpoint only saves time: without it the next open reads the whole journal.
    }
  }
}
