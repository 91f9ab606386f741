import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { runCli } from '../../support/run-cli.js';

/** A process that stopped with journeys in flight, then a user who only looks. */
describe('any command resumes what a stopped process left in flight', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-resume-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['journeys'], ['show'], ['get']])('%s finishes the interrupted journey before it answers', async (command) => {
    const dataDir = join(dir, command);
    const stopped = await EmbeddedRuntime.open({ dataDir });
    // Stopped before any function ran: only the upload and its Object Created event are recorded.
    const { journeyId, bucket, key } = await stopped.upload({ body: 'order_id,total\n1,9.50\n', key: 'uploads/mvp/interrupted.csv' });
    stopped.close();

    const args =
      command === 'journeys' ? ['journeys', '--json'] : command === 'show' ? ['show', journeyId, '--json'] : ['get', `s3://${bucket}/${key}`, '--json'];
    const result = runCli([...args, '--data-dir', dataDir]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('resuming');
    const after = await EmbeddedRuntime.open({ dataDir });
    try {
      expect(after.isIdle()).toBe(true);
      expect(after.journey(journeyId)?.status).toBe('completed');
    } finally {
      after.close();
    }
    if (command === 'show') expect(JSON.parse(result.stdout)).toMatchObject({ journeyId, status: 'completed' });
  });
});
