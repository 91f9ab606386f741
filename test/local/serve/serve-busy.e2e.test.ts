import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson, postUpload } from './http-client.js';
import { startServe, type ServeProcess } from './serve-process.js';

/** Orders with names and amounts of another team's export: about 40 MB, enough to keep every step busy for seconds. */
function largeOrdersCsv(rows: number): string {
  const lines = ['Order Ref;Customer Name;Amount (EUR);Booked On;Channel'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `ORD-${String(i).padStart(8, '0')};"Kunde ${i % 4099}, Zweig ${i % 13}";${(i * 37) % 100_000}.${i % 100};2026-0${(i % 9) + 1}-1${i % 10};${i % 3 === 0 ? 'web' : 'store'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const ENDED = new Set(['completed', 'failed', 'rejected']);
// A generous bound on a shared two-core machine: a step that held the event loop made /health
// wait for the whole step, many seconds on a file this size.
const HEALTH_ANSWERS_WITHIN_MS = 2_000;

describe('symphainy serve while a large journey runs', () => {
  let dir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-serve-busy-'));
    serve = await startServe(['--data-dir', join(dir, 'state')]);
  });
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answering /health and the journey itself until the journey has ended', async () => {
    const accepted = await postUpload(serve.url, largeOrdersCsv(600_000), { 'use-case': 'mvp', name: 'orders-export.csv' });
    expect(accepted.status).toBe(202);
    const journeyId: string = accepted.body.journeyId;

    const healthLatencies: number[] = [];
    const seenWhileRunning = new Set<string>();
    let journey: { status: string; steps: { name: string; status: string }[] } | undefined;
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const asked = performance.now();
      const health = await getJson(`${serve.url}/health`);
      healthLatencies.push(performance.now() - asked);
      expect(health.status).toBe(200);
      journey = (await getJson(`${serve.url}/journeys/${journeyId}`)).body;
      if (ENDED.has(journey!.status)) break;
      for (const step of journey!.steps) if (step.status === 'requested') seenWhileRunning.add(step.name);
    }

    expect(journey?.status).toBe('completed');
    // The server was asked while steps were at work, not only between them.
    expect(seenWhileRunning.size).toBeGreaterThan(0);
    expect(healthLatencies.length).toBeGreaterThan(5);
    expect(Math.max(...healthLatencies)).toBeLessThan(HEALTH_ANSWERS_WITHIN_MS);
  }, 300_000);
});
