import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '#local/cli/main.js';
import { runCli } from '../../support/run-cli.js';

const BIN = fileURLToPath(new URL('../../../bin/symphainy.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-cli-errors-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the CLI tells a user what they mistyped', () => {
  it('names a mistyped option and the one meant, not Node parser text', () => {
    const result = runCli(['journeys', '--stauts', 'failed', '--data-dir', dataDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('symphainy journeys: unknown option --stauts (did you mean --status?)');
    expect(result.stderr).not.toContain("place it at the end of the command after '--'");
  });

  it('gives the same error as one JSON object on stdout under --json', () => {
    const result = runCli(['show', 'j-1', '--bogus', '--json', '--data-dir', dataDir]);
    expect(result.status).toBe(2);
    const error = JSON.parse(result.stdout) as { error: { code: string; message: string; exitCode: number } };
    expect(error.error).toMatchObject({ code: 'usage', exitCode: 2 });
    expect(error.error.message).toContain('unknown option --bogus');
  });

  it('says an option needs its value', () => {
    const result = runCli(['journeys', '--data-dir', dataDir, '--status']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--status needs a value');
  });

  it('stops quietly when its output is closed early, as `symphainy rules | head -1` does', () => {
    // `head -1` exits after the first line, closing the pipe while rules is still writing.
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rules | head -1 > /dev/null`], { encoding: 'utf8' });
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.stderr).not.toContain('Unhandled');
  });

  // The reader is gone before the first byte is written, so every write fails with EPIPE: no race with a pipe buffer.
  it.each([['help'], ['rules'], ['rules', '--json'], ['journeys', '--data-dir', dataDir], ['show', 'j-nope', '--json', '--data-dir', dataDir]])(
    'symphainy %s... with its stdout already closed ends with exit code 141 and not a word on stderr',
    async (...args) => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
      expect({
        status,
        stderr: stderr
          .split('\n')
          .filter((line) => !line.startsWith('symphainy show:'))
          .join('\n'),
      }).toEqual({ status: 141, stderr: '' });
    },
  );

  it.each([
    ['pattern', 'test'],
    ['events', 'catalog'],
    ['events', 'validate'],
    ['dlq', 'list'],
    ['dlq', 'show'],
    ['dlq', 'redrive'],
  ])('symphainy %s %s --help prints its usage and exits 0', (name, sub) => {
    const result = runCli([name!, sub!, '--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`symphainy ${name} ${sub}`);
  });

  it.each(Object.keys(commands))('symphainy %s --help prints its usage and exits 0', (name) => {
    const result = runCli([name, '--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`symphainy ${name}`);
  });
});
