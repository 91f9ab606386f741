import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';
import { postUpload } from './http-client.js';
import { startServe, type ServeProcess } from './serve-process.js';

/** `serve --fault`: a step made to fail, watched through the HTTP API, then redriven with the CLI. */
describe('symphainy serve with an injected fault', () => {
  let dir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-serve-fault-'));
    serve = await startServe(['--data-dir', join(dir, 'state'), '--fault', 'store_file:fail:3']);
  });
  afterAll(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails the step on every attempt; once the server is stopped, a redrive without the fault completes the journey', async () => {
    const answer = await postUpload(serve.url, 'ward;bed;temp_c\nA;1;36,9\nB;4;38,2\n', { 'use-case': 'mvp', name: 'ward-temps.csv', wait: 'true' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'failed',
      error: { code: 'step_retries_exhausted', message: expect.stringContaining('injected fault: store_file') },
    });
    expect(answer.body.steps[2]).toMatchObject({ name: 'store_file', status: 'failed', attempts: 3 });
    expect(await serve.stop()).toBe(0);

    const redriven = runCli(['redrive', answer.body.journeyId, '--data-dir', join(dir, 'state'), '--json']);
    expect(redriven.status, redriven.stderr).toBe(0);
    expect(JSON.parse(redriven.stdout)).toMatchObject({
      redriven: true,
      step: 'store_file',
      reusedSteps: ['validate_file', 'process_file'],
      journey: { status: 'completed' },
    });
  }, 90_000);

  it('refuses a fault for a step that does not exist, and faults with --aws', () => {
    const unknown = runCli(['serve', '--data-dir', join(dir, 'other'), '--fault', 'store_files:fail:1']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no step "store_files"');
    const deployed = runCli(['serve', '--aws', '--stage', 'local', '--fault', 'store_file:fail:1']);
    expect(deployed.status).toBe(2);
    expect(deployed.stderr).toContain('--fault works on the embedded runtime only');
  });
});
