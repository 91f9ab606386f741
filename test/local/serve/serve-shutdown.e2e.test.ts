import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';
import { getJson, postUpload } from './http-client.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { slowUpload } from './slow-upload.js';

/** A few thousand rows, so a journey takes long enough to be caught in flight. */
function ordersCsv(seed: number, rows = 4000): string {
  const lines = ['order_id,customer,total,paid'];
  for (let i = 0; i < rows; i++) lines.push(`${seed * rows + i},c${(i * 7 + seed) % 97},${((i * 13 + seed) % 1000) / 10},${i % 3 === 0}`);
  return `${lines.join('\n')}\n`;
}

type Outcome = { kind: 'accepted'; journeyId: string } | { kind: 'refused'; status: number } | { kind: 'unreachable'; error: string };

async function upload(base: string, n: number): Promise<Outcome> {
  try {
    const res = await postUpload(base, ordersCsv(n), { 'use-case': 'mvp', name: `load-${n}.csv` });
    if (res.status === 202) return { kind: 'accepted', journeyId: res.body.journeyId };
    return { kind: 'refused', status: res.status };
  } catch (error) {
    // After the server closed: the connection is refused, so nothing was taken.
    return { kind: 'unreachable', error: String((error as Error).cause ?? error) };
  }
}

describe('symphainy serve: graceful shutdown under load', () => {
  let dir: string;
  let dataDir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-serve-stop-'));
    dataDir = join(dir, 'state');
    serve = await startServe(['--data-dir', dataDir, '--drain-timeout', '90']);
  });
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('on SIGTERM refuses new uploads, finishes every accepted journey, exits 0 and loses none', async () => {
    const first = await postUpload(serve.url, ordersCsv(0, 10), { 'use-case': 'mvp', name: 'first.csv', wait: 'true' });
    expect(first.status).toBe(201);

    const outcomes: Outcome[] = [];
    const TOTAL = 40;
    const SIGNAL_AFTER = 10;
    let next = 1;
    let signalled: Promise<void> | undefined;
    // An upload whose body is half-sent when the signal comes: it was taken before the signal,
    // so it must be finished and answered 202, and its journey run, before the process exits.
    const interrupted = ordersCsv(999);
    const straddling = slowUpload(serve.url, { 'use-case': 'mvp', name: 'straddling.csv' }, interrupted.slice(0, 1000), interrupted.slice(1000));
    await straddling.started;
    const signal = async () => {
      serve.child.kill('SIGTERM');
      await serve.waitForLine('draining');
    };
    // Eight clients keep posting; the tenth acceptance triggers SIGTERM while the rest are in flight.
    const client = async () => {
      while (next <= TOTAL) {
        const outcome = await upload(serve.url, next++);
        outcomes.push(outcome);
        if (!signalled && outcomes.filter((o) => o.kind === 'accepted').length >= SIGNAL_AFTER) signalled = signal();
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    expect(signalled).toBeDefined();
    await signalled;
    // Still draining (the straddling upload is unfinished): alive, not ready, refusing uploads.
    expect((await getJson(`${serve.url}/health`)).status).toBe(200);
    const ready = await getJson(`${serve.url}/ready`);
    expect(ready).toMatchObject({ status: 503, body: { ready: false, draining: true } });
    const refusedNow = await postUpload(serve.url, ordersCsv(1000, 10), { 'use-case': 'mvp', name: 'too-late.csv' });
    expect(refusedNow).toMatchObject({ status: 503, body: { error: { code: 'shutting_down' } } });
    outcomes.push({ kind: 'refused', status: refusedNow.status });
    const straddled = await straddling.finish();
    expect(straddled.status).toBe(202);
    outcomes.push({ kind: 'accepted', journeyId: straddled.body.journeyId });

    expect(await serve.exited).toBe(0);
    const draining = serve.lines.find((l) => l.event === 'draining');
    const stopped = serve.lines.find((l) => l.event === 'stopped');
    expect(draining).toMatchObject({ reason: 'SIGTERM' });
    expect(Number(draining!.uploadsInFlight)).toBeGreaterThanOrEqual(1);
    expect(stopped).toMatchObject({ signal: 'SIGTERM', drained: true, unfinished: 0 });

    const accepted = outcomes.flatMap((o) => (o.kind === 'accepted' ? [o.journeyId] : []));
    const refused = outcomes.filter((o) => o.kind !== 'accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(SIGNAL_AFTER);
    expect(refused.length).toBeGreaterThan(0);
    for (const o of refused) if (o.kind === 'refused') expect(o.status).toBe(503);

    // Reopen the data directory: every accepted upload's journey completed and was delivered,
    // and no refused upload left a journey behind.
    const listed = runCli(['journeys', '--json', '--data-dir', dataDir]);
    expect(listed.status).toBe(0);
    const journeys = JSON.parse(listed.stdout) as { journeyId: string; status: string; delivery: unknown; parentJourneyId: string | null }[];
    const byId = new Map(journeys.map((j) => [j.journeyId, j]));
    for (const id of accepted)
      expect({ id, status: byId.get(id)?.status, delivered: Boolean(byId.get(id)?.delivery) }).toEqual({ id, status: 'completed', delivered: true });
    const uploads = journeys.filter((j) => j.parentJourneyId === null);
    expect(new Set(uploads.map((j) => j.journeyId))).toEqual(new Set([first.body.journeyId, ...accepted]));
    // Follow-on journeys the deliveries started were also run to their end before the exit.
    for (const j of journeys) expect({ id: j.journeyId, ended: j.status !== 'running' }).toEqual({ id: j.journeyId, ended: true });

    // GET /journeys/:id answered the same JSON as `symphainy show --json`.
    const shown = runCli(['show', first.body.journeyId, '--json', '--data-dir', dataDir]);
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(first.body);
  });
});
