import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JourneyLogLine } from '#local/log-lines/journey-log-line.js';
import { JourneyLog, journeyLogDir, readJourneyLog } from '#local/runtime/journey-log.js';
import { frame } from '#local/runtime/record-frame.js';

const line = (message: string): JourneyLogLine => ({
  timestamp: '2026-01-01T00:00:00.000Z',
  function: 'validate-file',
  level: 'INFO',
  message,
  fields: { journeyId: 'j-1' },
});

describe('the journey log in the data dir', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'symphainy-journey-log-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps each journey's lines apart, in the order written", () => {
    const dir = dataDir();
    const log = new JourneyLog(journeyLogDir(dir));
    log.append('j-1', line('first'));
    log.append('j-2', line('other journey'));
    log.append('j-1', line('second'));
    log.close();
    expect(readJourneyLog(dir, 'j-1').lines.map((l) => l.message)).toEqual(['first', 'second']);
    expect(readJourneyLog(dir, 'j-2').lines.map((l) => l.message)).toEqual(['other journey']);
    expect(readJourneyLog(dir, 'j-3')).toEqual({ lines: [], end: 0, exists: false });
  });

  it('after a crash cut a line short, skips it and keeps the lines written after it whole', () => {
    const dir = dataDir();
    const first = new JourneyLog(journeyLogDir(dir));
    first.append('j-1', line('before the crash'));
    first.close();
    const path = join(journeyLogDir(dir), 'j-1.ndjson');
    appendFileSync(path, frame(JSON.stringify(line('cut short'))).subarray(0, 30));
    const second = new JourneyLog(journeyLogDir(dir));
    second.append('j-1', line('after the restart'));
    second.close();
    expect(readJourneyLog(dir, 'j-1').lines.map((l) => l.message)).toEqual(['before the crash', 'after the restart']);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(4);
  });

  it('leaves a line still being written for the next read, which starts where the last one stopped', () => {
    const dir = dataDir();
    const log = new JourneyLog(journeyLogDir(dir));
    log.append('j-1', line('whole'));
    log.close();
    const path = join(journeyLogDir(dir), 'j-1.ndjson');
    const next = frame(JSON.stringify(line('being written')));
    appendFileSync(path, next.subarray(0, 40));
    const firstRead = readJourneyLog(dir, 'j-1');
    expect(firstRead.lines.map((l) => l.message)).toEqual(['whole']);
    appendFileSync(path, next.subarray(40));
    const secondRead = readJourneyLog(dir, 'j-1', firstRead.end);
    expect(secondRead.lines.map((l) => l.message)).toEqual(['being written']);
  });

  it('keeps no file for an id that is not a plain file name', () => {
    const dir = dataDir();
    const log = new JourneyLog(journeyLogDir(dir));
    log.append('../escape', line('nope'));
    log.close();
    expect(readJourneyLog(dir, '../escape').exists).toBe(false);
  });
});
