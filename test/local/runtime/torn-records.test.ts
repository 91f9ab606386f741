import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '#local/runtime/journal.js';
import { FileObjectStore } from '#local/runtime/file-object-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'symphainy-torn-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ack = (messageId: string) => ({ kind: 'ack' as const, queue: 'q', messageId });

describe('a journal whose last record a crash cut short', () => {
  it('cuts the torn record off on open, at every byte of it, and appends the next record whole', () => {
    const path = join(dir, 'journal.ndjson');
    const journal = new Journal(path);
    for (const id of ['m-1', 'm-2', 'm-3']) journal.append(ack(id));
    journal.close();
    const whole = readFileSync(path);
    const lastStart = whole.subarray(0, whole.byteLength - 1).lastIndexOf(0x0a) + 1;

    for (let cut = lastStart + 1; cut < whole.byteLength; cut++) {
      const torn = join(dir, `torn-${cut}.ndjson`);
      writeFileSync(torn, whole.subarray(0, cut));
      const opened = new Journal(torn);
      expect(
        [...opened.read()].map((r) => (r.kind === 'ack' ? r.messageId : r.kind)),
        `cut at ${cut}`,
      ).toEqual(['m-1', 'm-2']);
      expect(opened.recoveries, `cut at ${cut}`).toEqual([
        { file: `torn-${cut}.ndjson`, action: 'cut a torn last record', at: lastStart, bytes: cut - lastStart },
      ]);
      opened.append(ack('m-next'));
      opened.close();
      const again = new Journal(torn);
      expect(
        [...again.read()].map((r) => (r.kind === 'ack' ? r.messageId : r.kind)),
        `cut at ${cut}`,
      ).toEqual(['m-1', 'm-2', 'm-next']);
      expect(again.recoveries).toEqual([]);
      again.close();
    }
  });

  it('skips and reports a garbled record in the middle, keeping the records after it', () => {
    const path = join(dir, 'journal.ndjson');
    const journal = new Journal(path);
    for (const id of ['m-1', 'm-2', 'm-3']) journal.append(ack(id));
    journal.close();
    const bytes = readFileSync(path);
    const second = bytes.indexOf('m-2');
    bytes[second + 1] = 'X'.charCodeAt(0);
    writeFileSync(path, bytes);
    const opened = new Journal(path);
    expect([...opened.read()].map((r) => (r.kind === 'ack' ? r.messageId : r.kind))).toEqual(['m-1', 'm-3']);
    expect(opened.recoveries).toEqual([expect.objectContaining({ action: 'skipped a record whose checksum does not match' })]);
    opened.close();
  });

  it('still reads a journal written before records were framed, and cuts its torn last line', () => {
    const path = join(dir, 'journal.ndjson');
    writeFileSync(path, `${JSON.stringify({ ...ack('old-1'), seq: 1 })}\n${JSON.stringify({ ...ack('old-2'), seq: 2 }).slice(0, 20)}`);
    const opened = new Journal(path);
    opened.append(ack('new'));
    opened.close();
    const again = new Journal(path);
    expect([...again.read()].map((r) => (r.kind === 'ack' ? `${r.messageId}#${r.seq}` : r.kind))).toEqual(['old-1#1', 'new#2']);
    again.close();
  });
});

describe('an object log whose last object a crash cut short', () => {
  it('cuts the torn object off on open, at every byte of it, and stores the next object whole', async () => {
    const root = join(dir, 'objects');
    const store = new FileObjectStore(root);
    await store.put('b', 'one.csv', 'a,b\n1,2\n');
    await store.put('b', 'two.csv', 'c,d\n3,4\n');
    const lastStart = statSync(join(root, 'objects.log')).size;
    await store.put('b', 'three.csv', 'e,f\n5,6\n7,8\n');
    store.close();
    const whole = readFileSync(join(root, 'objects.log'));

    for (let cut = lastStart + 1; cut < whole.byteLength; cut++) {
      const tornRoot = join(dir, `torn-${cut}`);
      const log = join(tornRoot, 'objects.log');
      new FileObjectStore(tornRoot).close();
      copyFileSync(join(root, 'objects.log'), log);
      truncateSync(log, cut);
      const opened = new FileObjectStore(tornRoot);
      expect(
        (await opened.list('b', '')).map((h) => h.key),
        `cut at ${cut}`,
      ).toEqual(['one.csv', 'two.csv']);
      expect(opened.recoveries, `cut at ${cut}`).toEqual([expect.objectContaining({ file: 'objects.log', at: lastStart, bytes: cut - lastStart })]);
      await opened.put('b', 'four.csv', 'g\n9\n');
      opened.close();
      const again = new FileObjectStore(tornRoot);
      expect(new TextDecoder().decode((await again.get('b', 'four.csv'))!.body), `cut at ${cut}`).toBe('g\n9\n');
      expect(new TextDecoder().decode((await again.get('b', 'two.csv'))!.body)).toBe('c,d\n3,4\n');
      expect(again.recoveries).toEqual([]);
      again.close();
    }
  });

  it('refuses a last object whose bytes were garbled, and keeps the version before it', async () => {
    const root = join(dir, 'objects');
    const store = new FileObjectStore(root);
    await store.put('b', 'k.csv', 'version 1\n');
    await store.put('b', 'k.csv', 'version 2\n');
    store.close();
    // As a process killed before it closed leaves it: no saved index to vouch for the log.
    rmSync(join(root, 'index.checkpoint'), { force: true });
    const log = join(root, 'objects.log');
    const bytes = readFileSync(log);
    bytes[bytes.lastIndexOf('version 2') + 8] = '9'.charCodeAt(0);
    writeFileSync(log, bytes);
    const opened = new FileObjectStore(root);
    expect(new TextDecoder().decode((await opened.get('b', 'k.csv'))!.body)).toBe('version 1\n');
    expect(opened.recoveries).toEqual([expect.objectContaining({ action: 'cut a last object whose bytes do not match their checksum' })]);
    opened.close();
  });
});
