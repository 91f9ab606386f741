import { foldJourney } from '#domain/journeys/journey-state.js';
import { isDataDirHeld } from '#local/runtime/data-dir-lock.js';
import { JournalFollower } from '#local/runtime/journal-follower.js';
import { readJourneyLog } from '#local/runtime/journey-log.js';
import type { JourneyLogSource } from './follow-journey-logs.js';

/**
 * A journey's lines from the embedded runtime's data dir, read without its lock: `logs` works
 * while an upload or serve runs the journey in another process, and never waits for one.
 */
export function embeddedJourneyLogs(dataDir: string, journeyId: string): JourneyLogSource {
  const journal = new JournalFollower(dataDir, journeyId);
  let offset = 0;
  return {
    async read() {
      const { lines, end } = readJourneyLog(dataDir, journeyId, offset);
      offset = end;
      const view = foldJourney(journeyId, journal.read());
      return { lines, journey: view ? { status: view.status, delivered: view.delivery !== null } : undefined };
    },
    moving: () => isDataDirHeld(dataDir),
  };
}
