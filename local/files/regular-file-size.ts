import { statSync } from 'node:fs';
import { UsageError } from '#local/command-errors/command-error.js';

/** The size of a file a command was pointed at; a missing path or a directory is the caller's mistake. */
export function regularFileSize(path: string): number {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${path} is not a file`);
    return stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no such file: ${path}`);
    throw error;
  }
}
