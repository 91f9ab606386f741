import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliResult } from '../../support/run-cli.js';
import { getJson, postUpload } from '../serve/http-client.js';
import { startServe, type ServeProcess } from '../serve/serve-process.js';

const BIN = fileURLToPath(new URL('../../../bin/symphainy.js', import.meta.url));

interface LogLine {
  timestamp: string;
  function: string;
  level: string | null;
  message: string;
  fields: { journeyId?: string; detailType?: string; attempt?: number; error?: { message?: string } };
}

const parseLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((text) => JSON.parse(text) as LogLine);

/** Runs the CLI in its own process and notes when its first output arrived, as a terminal would show it. */
function runCliAsync(args: string[]): Promise<CliResult & { firstOutputAt: number | undefined }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let firstOutputAt: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      firstOutputAt ??= Date.now();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, firstOutputAt }));
  });
}

const UPLOAD_STEP_FUNCTIONS = ['validate-file', 'process-file', 'store-file', 'notify-completion'];

describe('symphainy logs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-logs-'));
    writeFileSync(join(dir, 'orders.csv'), 'order_id,total,paid\n1,9.99,true\n2,15.00,false\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the lines of every function a finished journey went through, in time order, and nothing of other journeys'", () => {
    const dataDir = join(dir, 'state');
    const uploaded = runCli(['upload', join(dir, 'orders.csv'), '--use-case', 'mvp', '--json', '--data-dir', dataDir]);
    expect(uploaded.status, uploaded.stderr).toBe(0);
    const journeyId = (JSON.parse(uploaded.stdout) as { journeyId: string }).journeyId;

    const result = runCli(['logs', journeyId, '--json', '--data-dir', dataDir]);
    expect(result.status, result.stderr).toBe(0);
    const lines = parseLines(result.stdout);
    expect(lines.every((l) => l.fields.journeyId === journeyId)).toBe(true);
    const times = lines.map((l) => Date.parse(l.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const functions = lines.map((l) => l.function);
    for (const name of [...UPLOAD_STEP_FUNCTIONS, 'experience-manager', 'delivery-manager', 'journey-recorder']) expect(functions, name).toContain(name);
    // The steps ran one after another, and their lines say so.
    const firstLineOf = UPLOAD_STEP_FUNCTIONS.map((name) => functions.indexOf(name));
    expect(firstLineOf).toEqual([...firstLineOf].sort((a, b) => a - b));
    expect(lines.find((l) => l.function === 'validate-file')).toMatchObject({
      level: 'INFO',
      message: 'event handled',
      fields: { detailType: 'Journey Step Requested', attempt: 1 },
    });

    const readable = runCli(['logs', journeyId, '--data-dir', dataDir]);
    expect(readable.status).toBe(0);
    const text = readable.stdout.trim().split('\n');
    expect(text).toHaveLength(lines.length);
    expect(text[0]).toMatch(
      new RegExp(
        `^${lines[0]!.timestamp.replace(/[.]/g, '\\.')}\\s+${lines[0]!.function}\\s+INFO\\s+event handled\\s+\\(${lines[0]!.fields.detailType}, attempt 1\\)$`,
      ),
    );
  });

  it('answers an unknown journey with exit code 3, and as a JSON error under --json', () => {
    const result = runCli(['logs', 'j-00000000000000000000', '--json', '--data-dir', join(dir, 'state')]);
    expect(result.status).toBe(3);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'journey_not_found', exitCode: 3, message: expect.stringContaining('no journey j-00000000000000000000') },
    });
    const usage = runCli(['logs', '--json']);
    expect(usage.status).toBe(2);
    expect(JSON.parse(usage.stdout).error.code).toBe('usage');
  });

  describe('--follow, while serve runs the journey', () => {
    let serve: ServeProcess;
    const dataDir = () => join(dir, 'served');
    beforeAll(async () => {
      // The first two attempts of process_file fail, so the journey runs for seconds (its retry backoffs) while logs follows it.
      serve = await startServe(['--data-dir', dataDir(), '--fault', 'process_file:fail:2']);
    });
    afterAll(async () => {
      await serve?.stop();
    });

    it('prints lines as they come, the failed attempt and its retry among them, and exits once the journey has ended', async () => {
      const accepted = await postUpload(serve.url, 'order_id,total\n1,9.99\n2,15.00\n', { 'use-case': 'mvp', name: 'orders.csv' });
      expect(accepted.status).toBe(202);
      const journeyId = accepted.body.journeyId as string;

      const followed = await runCliAsync(['logs', journeyId, '--follow', '--json', '--data-dir', dataDir()]);
      expect(followed.status, followed.stderr).toBe(0);
      expect(followed.stderr).toContain('journey completed');
      const journey = await getJson(`${serve.url}/journeys/${journeyId}`);
      expect(journey.body).toMatchObject({ status: 'completed' });
      // Lines were on the terminal while the journey still ran, and the command exited only after it ended.
      expect(followed.firstOutputAt).toBeLessThan(Date.parse(journey.body.endedAt));

      const lines = parseLines(followed.stdout);
      const failures = lines.filter((l) => l.function === 'process-file' && l.level === 'ERROR');
      expect(failures.map((l) => l.fields.attempt)).toEqual([1, 2]);
      expect(failures[0]).toMatchObject({
        message: 'event handling failed',
        fields: { error: { message: expect.stringContaining('injected fault: process_file') } },
      });
      expect(lines.filter((l) => l.function === 'process-file' && l.message === 'event handled').map((l) => l.fields.attempt)).toEqual([3]);
      for (const name of UPLOAD_STEP_FUNCTIONS)
        expect(
          lines.map((l) => l.function),
          name,
        ).toContain(name);
      expect(lines.at(-1)).toMatchObject({ function: 'journey-recorder', fields: { detailType: 'Journey Delivered' } });

      // What it printed while following is the journey's whole log, as read afterwards.
      const after = runCli(['logs', journeyId, '--json', '--data-dir', dataDir()]);
      expect(parseLines(after.stdout)).toEqual(lines);
    }, 90_000);
  });

  it('is in symphainy help', () => {
    expect(runCli(['help']).stdout).toContain('symphainy logs <journey-id> [--follow] [--json]');
  });
});
