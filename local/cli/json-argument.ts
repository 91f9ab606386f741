import { readFileSync } from 'node:fs';
import { UsageError } from '#local/command-errors/command-error.js';

/** Reads an argument given inline as JSON or as `@path/to/file.json`. */
export function readJsonArgument(flag: string, value: string | undefined): unknown {
  if (value === undefined) throw new UsageError(`${flag} is required (inline JSON or @file)`);
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`${flag}: cannot read ${value.slice(1)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag} is not valid JSON: ${(error as Error).message}`);
  }
}
