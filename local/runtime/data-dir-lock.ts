import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';

export interface DataDirHolder {
  pid: number;
  /** The holder's start time as the kernel counts it, so a recycled pid is not taken for the holder. */
  processStart?: string;
  command: string;
  since: string;
}

export interface LockOptions {
  /** Called once when another live process holds the directory and this one starts waiting. */
  onWait?: (holder: DataDirHolder) => void;
  pollMs?: number;
}

const LOCK_FILE = 'lock.json';
const TAKEOVER_MUTEX = 'lock.takeover';
// A holder that died between creating the lock file and writing its pid leaves it empty.
const UNWRITTEN_LOCK_STALE_MS = 2_000;

/**
 * One process at a time owns a data directory: the object log and the journal are append-only
 * files whose offsets and indexes live in the owner's memory, so a second writer would overwrite
 * the first's records. The lock is a file created exclusively (O_EXCL) holding the owner's pid;
 * whether the owner still lives is asked of the process table, which is exact after a kill -9
 * and is not fooled by an owner busy in a long synchronous step (an mtime-heartbeat lock such as
 * proper-lockfile's alone would call that owner stale and let a second writer in). Taking over a
 * dead owner's lock is the one race: proper-lockfile's mkdir lock serialises the takeovers, and
 * the new owner still has to win the exclusive create.
 */
export class DataDirLock {
  private released = false;

  private constructor(private readonly path: string) {}

  static async acquire(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, LOCK_FILE);
    const me: DataDirHolder = { pid: process.pid, ...processStartOf(process.pid), command: commandLine(), since: new Date().toISOString() };
    let waiting = false;
    for (;;) {
      if (tryCreate(path, me)) return new DataDirLock(path);
      const seen = readHolder(path);
      if (seen === 'gone') continue;
      if (seen !== 'unwritten' && seen.pid === process.pid && seen.processStart === me.processStart) {
        throw new Error(`the data directory ${dataDir} is already open in this process; close that runtime first`);
      }
      if (seen === 'unwritten' ? !unwrittenLockIsStale(path) : isAlive(seen)) {
        if (!waiting && seen !== 'unwritten') options.onWait?.(seen);
        waiting = true;
        await sleep(options.pollMs ?? 100);
        continue;
      }
      await takeOver(dataDir, path, seen);
    }
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      const holder = readHolder(this.path);
      if (holder !== 'gone' && holder !== 'unwritten' && holder.pid === process.pid) unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function tryCreate(path: string, me: DataDirHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Whether a live process holds the data directory (or is just taking it): for readers that take
 * no lock, to tell a journey something is moving from one nothing will move.
 */
export function isDataDirHeld(dataDir: string): boolean {
  const seen = readHolder(join(dataDir, LOCK_FILE));
  if (seen === 'gone') return false;
  return seen === 'unwritten' ? !unwrittenLockIsStale(join(dataDir, LOCK_FILE)) : isAlive(seen);
}

function readHolder(path: string): DataDirHolder | 'unwritten' | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as DataDirHolder;
    return Number.isInteger(holder.pid) ? holder : 'unwritten';
  } catch {
    return 'unwritten';
  }
}

function unwrittenLockIsStale(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > UNWRITTEN_LOCK_STALE_MS;
  } catch {
    return true;
  }
}

/** Removes a dead owner's lock, unless someone else has already replaced it. */
async function takeOver(dataDir: string, path: string, dead: DataDirHolder | 'unwritten'): Promise<void> {
  const release = await lockfile.lock(dataDir, {
    lockfilePath: join(dataDir, TAKEOVER_MUTEX),
    stale: 5_000,
    realpath: false,
    retries: { retries: 100, minTimeout: 10, maxTimeout: 100 },
  });
  try {
    const now = readHolder(path);
    const same = now === 'unwritten' ? dead === 'unwritten' : now !== 'gone' && dead !== 'unwritten' && now.pid === dead.pid && now.since === dead.since;
    if (same) unlinkSync(path);
  } finally {
    await release();
  }
}

function isAlive(holder: DataDirHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = processStartOf(holder.pid).processStart;
  return holder.processStart === undefined || now === undefined || now === holder.processStart;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), where there is a /proc. */
function processStartOf(pid: number): { processStart?: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return start ? { processStart: start } : {};
  } catch {
    return {};
  }
}

function commandLine(): string {
  const args = process.argv.slice(2).join(' ');
  const text = `symphainy ${args}`.trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
