import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock, type DataDirHolder } from '#local/runtime/data-dir-lock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'symphainy-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const processStart = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]!;
const holderFile = (holder: Partial<DataDirHolder> & { pid: number }) =>
  writeFileSync(join(dir, 'lock.json'), JSON.stringify({ command: 'symphainy upload x.csv', since: '2026-12-03T09:00:00.000Z', ...holder }));

describe('the data dir lock', () => {
  it('takes over at once from a holder that was killed (its pid is gone)', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    holderFile({ pid: dead });
    const waited: DataDirHolder[] = [];
    const lock = await DataDirLock.acquire(dir, { onWait: (h) => waited.push(h) });
    expect(waited).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'lock.json'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(dir, 'lock.json'))).toBe(false);
  });

  it('waits for a live holder, says who it is once, and takes the dir when the holder ends', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600)']);
    await new Promise((resolve) => holder.once('spawn', resolve));
    holderFile({ pid: holder.pid!, processStart: processStart(holder.pid!) });
    const ended = new Promise((resolve) => holder.once('exit', resolve));
    const waited: DataDirHolder[] = [];
    const lock = await DataDirLock.acquire(dir, { onWait: (h) => waited.push(h), pollMs: 20 });
    await ended;
    expect(waited.map((h) => [h.pid, h.command])).toEqual([[holder.pid, 'symphainy upload x.csv']]);
    lock.release();
  });

  it('does not take a recycled pid for the holder: a different process start is a dead holder', async () => {
    holderFile({ pid: process.pid, processStart: '1' });
    const lock = await DataDirLock.acquire(dir);
    lock.release();
  });

  it('refuses a second open in the same process instead of waiting for itself forever', async () => {
    const lock = await DataDirLock.acquire(dir);
    await expect(DataDirLock.acquire(dir)).rejects.toThrow(/already open in this process/);
    lock.release();
  });

  it('lets exactly one of many racing takeovers of a dead holder win at a time', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    holderFile({ pid: dead });
    // Four acquirers race in one process: each must hold the lock alone, one after another.
    let holding = 0;
    let most = 0;
    const contender = async () => {
      // Distinct identities so the same-process guard does not apply: pose as children of this one.
      const lock = await acquireAsOther(dir);
      holding += 1;
      most = Math.max(most, holding);
      await new Promise((resolve) => setTimeout(resolve, 20));
      holding -= 1;
      lock.release();
    };
    await Promise.all([contender(), contender(), contender(), contender()]);
    expect(most).toBe(1);
  });
});

/** Acquires in a child process and holds until told; resolves with a handle to release it. */
async function acquireAsOther(dataDir: string): Promise<{ release(): void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `
    const { DataDirLock } = await import('#local/runtime/data-dir-lock.js');
    const lock = await DataDirLock.acquire(${JSON.stringify(dataDir)}, { pollMs: 10 });
    process.stdout.write('held\\n');
    process.stdin.once('data', () => { lock.release(); process.exit(0); });
  `,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
  return {
    release() {
      child.stdin.write('go\n');
    },
  };
}
