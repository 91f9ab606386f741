import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findUploadJourney, putUpload } from '#local/cloud/cloud-upload.js';
import { recordedJourneyIds } from '#local/stage/recorded-journeys.js';
import { emulatorStage, uniqueKey } from '../support/emulator-stage.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const emulator = await emulatorStage();
const BIN = fileURLToPath(new URL('../../bin/symphainy.js', import.meta.url));

interface LogLine {
  timestamp: string;
  function: string;
  level: string | null;
  message: string;
  fields: { journeyId?: string; detailType?: string };
}

const parseLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((text) => JSON.parse(text) as LogLine);

function runCliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `symphainy logs --endpoint`: the journey's lines from the stage's CloudWatch Logs groups, as the emulator keeps them. */
describe.skipIf(!emulator.available)('symphainy logs against the deployed local stage', () => {
  const { stage, target } = emulator.available ? emulator.emulator : ({} as never);
  const endpoint = target?.endpoint ?? '';
  const env = { AWS_ENDPOINT_URL: '', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', NODE_NO_WARNINGS: '1' };

  it("follows a fresh upload's journey until it is delivered, then shows the same lines again", async () => {
    const before = new Set(await recordedJourneyIds(stage));
    const upload = await putUpload(stage, {
      body: new TextEncoder().encode('order_id,total\n1,9.99\n2,15.00\n'),
      key: uniqueKey('mvp', 'logs.csv'),
      metadata: {},
    });
    // The emulator's S3 event carries no version, so the id is known once the journey is on record.
    let journeyId: string | undefined;
    for (let look = 0; look < 120 && !journeyId; look++) {
      journeyId = (await findUploadJourney(stage, upload, before))?.journeyId;
      if (!journeyId) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(journeyId, 'the upload started a journey').toBeDefined();

    const followed = await runCliAsync(['logs', journeyId!, '--follow', '--json', '--endpoint', endpoint], env);
    expect(followed.status, followed.stderr).toBe(0);
    expect(followed.stderr).toContain('journey completed');
    const lines = parseLines(followed.stdout);
    expect(lines.every((l) => l.fields.journeyId === journeyId)).toBe(true);
    const functions = lines.map((l) => l.function);
    for (const name of ['validate-file', 'process-file', 'store-file', 'notify-completion', 'experience-manager', 'delivery-manager', 'journey-recorder'])
      expect(functions, name).toContain(name);
    const times = lines.map((l) => Date.parse(l.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const firstLineOf = ['validate-file', 'process-file', 'store-file', 'notify-completion'].map((name) => functions.indexOf(name));
    expect(firstLineOf).toEqual([...firstLineOf].sort((a, b) => a - b));

    const shown = runCli(['logs', journeyId!, '--json', '--endpoint', endpoint], { env });
    expect(shown.status, shown.stderr).toBe(0);
    expect(parseLines(shown.stdout)).toEqual(lines);
    const readable = runCli(['logs', journeyId!, '--endpoint', endpoint], { env });
    expect(readable.stdout).toMatch(/^\S+Z {2}notify-completion +INFO {2}event handled {2}\(Journey Step Requested, attempt 1\)$/m);
  }, 180_000);

  it('answers a journey the stage never saw with exit code 3', () => {
    const result = runCli(['logs', 'j-00000000000000000000', '--json', '--endpoint', endpoint], { env });
    expect(result.status).toBe(3);
    expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'journey_not_found', exitCode: 3 });
  });
});
