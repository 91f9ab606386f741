import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { JourneyListing } from '#domain/journeys/journey-listing.js';
import type { JournalPosition } from './journal.js';
import { frame, readFrame } from './record-frame.js';

/**
 * What a runtime knew when it closed: how far the journal was read, the queue messages not yet
 * finished with, and every journey's listing with where its events are in the journal. Opening
 * from it reads only the journal after that point. Bump the version whenever the listing's
 * shape changes: an older checkpoint is then ignored and the journal read whole.
 */
export const CHECKPOINT_VERSION = 3;

export interface RuntimeCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  journal: JournalPosition & { lastRecordAt: number };
  unfinished: { target: string; messageId: string; body: string; sourceQueue?: string }[];
  /** Views are folded from the events at `offsets` when a command shows a journey; the listing serves lists. */
  journeys: { listing: JourneyListing; offsets: number[] }[];
}

export function readCheckpoint(path: string): RuntimeCheckpoint | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const read = readFrame(readFileSync(path), 0);
    if (read.kind !== 'record') return undefined;
    const checkpoint = JSON.parse(read.payload) as RuntimeCheckpoint;
    return checkpoint.version === CHECKPOINT_VERSION ? checkpoint : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed over, so a crash leaves the old checkpoint or the new one, never half of one. */
export function writeCheckpoint(path: string, checkpoint: RuntimeCheckpoint): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, frame(JSON.stringify(checkpoint)));
  renameSync(temporary, path);
}
