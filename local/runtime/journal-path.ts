import { join } from 'node:path';

/** Where a data directory keeps its journal: every event put and every message finished with. */
export function journalPathOf(dataDir: string): string {
  return join(dataDir, 'journal.ndjson');
}
