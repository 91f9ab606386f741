import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { checkEvent } from './event-problems.js';
import { isRecordingShaped, parseRecording, type Recording } from './recording.js';
import { busOf, type SourcedEvent } from './sourced-event.js';

/** What one fixture file holds: its events, or why it cannot be used. */
export interface FixtureFile {
  file: string;
  events: SourcedEvent[];
  /** Set when the file is a recording (its trigger is the file's one event). */
  recording?: Recording;
  problems: string[];
}

export class FixturePathError extends Error {
  override readonly name = 'FixturePathError';
}

const EVENT_FILE = /\.(json|ndjson|jsonl)$/;

/** The fixture files a path names: the file itself, or every .json/.ndjson/.jsonl under a folder, sorted. */
export function fixtureFilesUnder(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new FixturePathError(`${path}: no such file or folder`);
  }
  if (stat.isFile()) return [path];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (EVENT_FILE.test(entry.name)) files.push(full);
    }
  };
  walk(path);
  if (files.length === 0) throw new FixturePathError(`${path}: no .json, .ndjson or .jsonl files in this folder`);
  return files;
}

/**
 * Reads fixture files: an EventBridge envelope as JSON, a JSON array of them, NDJSON (one per
 * line), or a recording. Every event is checked against its contract; a file with any problem
 * contributes no events, so a replay never runs half a fixture.
 */
export function readFixtureFile(file: string): FixtureFile {
  const text = readFileSync(file, 'utf8');
  const values: { value: unknown; at: string }[] = [];
  const problems: string[] = [];
  if (extname(file) === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { file, events: [], problems: [`not JSON: ${(error as Error).message}`] };
    }
    if (isRecordingShaped(value)) {
      const parsed = parseRecording(value);
      if (!parsed.ok) return { file, events: [], problems: parsed.problems.map((p) => `recording ${p}`) };
      const { trigger } = parsed.recording;
      const checked = checkEvent(trigger.event);
      if (!checked.ok) return { file, events: [], problems: checked.problems.map((p) => `recording trigger: ${p}`) };
      return {
        file,
        events: [{ event: checked.event, bus: trigger.bus, origin: `${file} (recording ${parsed.recording.name})` }],
        recording: parsed.recording,
        problems: [],
      };
    }
    if (Array.isArray(value)) value.forEach((v, i) => values.push({ value: v, at: `[${i}]` }));
    else values.push({ value, at: '' });
  } else {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        values.push({ value: JSON.parse(line), at: `line ${i + 1}` });
      } catch (error) {
        problems.push(`line ${i + 1}: not JSON: ${(error as Error).message}`);
      }
    });
  }
  if (values.length === 0 && problems.length === 0) problems.push('holds no events');
  const events: SourcedEvent[] = [];
  for (const { value, at } of values) {
    const checked = checkEvent(value);
    const where = at ? `${at}: ` : '';
    if (!checked.ok) {
      const type = (value as { 'detail-type'?: unknown } | null)?.['detail-type'];
      problems.push(...checked.problems.map((p) => `${where}${typeof type === 'string' ? `${type}: ` : ''}${p}`));
    } else events.push({ event: checked.event, bus: busOf(checked.event), origin: `${file}${at ? ` ${at}` : ''}` });
  }
  return problems.length ? { file, events: [], problems } : { file, events, problems };
}

export function readFixtures(paths: readonly string[]): FixtureFile[] {
  return paths.flatMap(fixtureFilesUnder).map(readFixtureFile);
}
