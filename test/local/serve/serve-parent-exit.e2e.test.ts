import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/symphainy.js', import.meta.url));

/**
 * A wrapper that starts serve and then exits without passing any signal on, as `npx symphainy
 * serve` does when npm is sent SIGTERM: the server must not be left running.
 */
const WRAPPER = `
const { spawn } = require('node:child_process');
spawn(process.execPath, process.argv.slice(1), { stdio: 'inherit' });
setInterval(() => {}, 60000);
`;

describe('serve started by a wrapper that exits without forwarding its signal', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('stops as on SIGTERM once its parent is gone, and its port closes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-orphan-'));
    dirs.push(dataDir);
    const wrapper = spawn(process.execPath, ['-e', WRAPPER, BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--json', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: { event?: string; url?: string; signal?: string; drained?: boolean }[] = [];
    // The pipe closes only when every process holding it (the wrapper and the server) has exited.
    const outputClosed = new Promise<void>((resolve) => wrapper.stdout.once('close', () => resolve()));
    const listening = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('serve did not listen within 30 s')), 30_000);
      createInterface({ input: wrapper.stdout }).on('line', (text) => {
        try {
          const line = JSON.parse(text) as (typeof events)[number];
          events.push(line);
          if (line.event === 'listening') {
            clearTimeout(timer);
            resolve(String(line.url));
          }
        } catch {
          // the functions' log lines and warnings are not the server's events
        }
      });
    });
    const url = await listening;
    expect((await fetch(`${url}/health`)).status).toBe(200);

    wrapper.kill('SIGKILL');
    await outputClosed;

    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['orphaned', 'stopped']));
    expect(events.find((e) => e.event === 'stopped')).toMatchObject({ signal: 'SIGTERM', drained: true });
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 60_000);
});
