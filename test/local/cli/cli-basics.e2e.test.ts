import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('the CLI itself', () => {
  it('runs from the bundle the install built, and answers exactly as the TypeScript sources do', () => {
    expect(existsSync(new URL('../../../bin/.build/symphainy.mjs', import.meta.url))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'symphainy-bundle-'));
    for (const args of [
      ['help'],
      ['--version'],
      ['show', 'nope', '--json', '--data-dir', join(dir, 'state')],
      ['pattern', 'test', '--pattern', '{"a":[1]}', '--event', '{"a":2}', '--json'],
    ]) {
      const bundled = runCli(args);
      const fromSource = runCli(args, { env: { SYMPHAINY_CLI_FROM_SOURCE: '1' } });
      expect({ status: bundled.status, stdout: bundled.stdout }, args.join(' ')).toEqual({ status: fromSource.status, stdout: fromSource.stdout });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its version', () => {
    const result = runCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('suggests the command meant by a typo', () => {
    const result = runCli(['jorneys']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('did you mean "journeys"?');
  });

  it('answers a usage error with one JSON object on stdout under --json, with the exit code', () => {
    const result = runCli(['redrive', '--json']);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'usage', message: 'symphainy redrive: redrive needs a journey id, or --status failed to redrive many', exitCode: 2 },
    });
  });

  it('explains pattern with --help, exit 0', () => {
    const result = runCli(['pattern', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('symphainy pattern test');
  });
});
