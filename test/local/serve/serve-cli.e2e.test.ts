import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';

describe('symphainy serve: arguments', () => {
  let dir: string;
  let occupied: Server;
  let occupiedPort: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-serve-args-'));
    occupied = createServer();
    await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    occupiedPort = (occupied.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => occupied.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains itself with --help, exit 0', () => {
    const result = runCli(['serve', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('symphainy serve --aws --stage <stage>');
    expect(result.stdout).toContain('POST /uploads');
  });

  it.each([
    [['--port', 'eighty'], '--port must be a whole number from 0 to 65535'],
    [['--drain-timeout', '-1'], '--drain-timeout'],
    [['--stage', 'local'], '--stage is for --aws mode'],
    [['--aws'], '--aws needs --stage'],
    [['--aws', '--stage', 'no/slash'], 'is not a stage name'],
    [['--aws', '--stage', 'local', '--data-dir', 'x'], '--data-dir is for the embedded runtime'],
    [['--aws', '--stage', 'local', '--endpoint', 'localhost:4566'], 'is not an http(s) URL'],
    [['now'], 'serve takes no arguments'],
    [['--colour', 'red'], 'colour'],
  ])('refuses %j with a helpful message, exit 2', (args, message) => {
    // A data directory of its own, in case a refusal ever let the embedded runtime open.
    const result = runCli(['serve', ...args, ...(args.includes('--aws') ? [] : ['--data-dir', join(dir, 'never-opened')])]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('says the port is taken and exits 1', () => {
    const result = runCli(['serve', '--port', String(occupiedPort), '--data-dir', join(dir, 'state')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${occupiedPort}: the port is in use`);
  });
});
