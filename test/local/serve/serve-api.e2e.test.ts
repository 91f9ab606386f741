import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson, pollUntilOver, postUpload } from './http-client.js';
import { parsePrometheusText } from '../../support/python-tools.js';
import { startServe, type ServeProcess } from './serve-process.js';

const ORDERS = 'order_id,total,paid\n1,9.99,true\n2,15.00,false\n3,7.50,true\n';
const MVP_STEPS = ['validate_file', 'process_file', 'store_file', 'notify_completion'];

describe('symphainy serve (embedded): the HTTP API', () => {
  let dir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-serve-'));
    serve = await startServe(['--data-dir', join(dir, 'state')]);
  });
  afterAll(async () => {
    const code = await serve?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it('answers its probes: /health always, /ready while the runtime is open', async () => {
    const health = await getJson(`${serve.url}/health`);
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', mode: 'embedded' } });
    const ready = await getJson(`${serve.url}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true, draining: false });
    expect(ready.body.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
  });

  it('runs an upload over HTTP to completion: 202 with a Location to poll', async () => {
    const accepted = await postUpload(serve.url, ORDERS, { 'use-case': 'mvp', name: 'orders-polled.csv' }, { 'content-type': 'text/csv' });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'accepted', key: 'uploads/mvp/orders-polled.csv' });
    expect(accepted.body.journeyId).toMatch(/^j-[0-9a-f]{20}$/);
    expect(accepted.headers.get('location')).toBe(`/journeys/${accepted.body.journeyId}`);

    const journey = await pollUntilOver(serve.url, accepted.body.journeyId);
    expect(journey).toMatchObject({ journeyId: accepted.body.journeyId, useCase: 'mvp', journey: 'upload', status: 'completed', error: null });
    expect(journey.steps.map((s: { name: string }) => s.name)).toEqual(MVP_STEPS);
    expect(journey.steps.every((s: { status: string; artifacts: unknown[] }) => s.status === 'completed' && s.artifacts.length > 0)).toBe(true);
    expect(journey.input).toMatchObject({ key: 'uploads/mvp/orders-polled.csv', size: ORDERS.length });
  });

  it('with ?wait=true answers 201 with the finished journey', async () => {
    const done = await postUpload(serve.url, ORDERS, { 'use-case': 'mvp', name: 'orders-waited.csv', wait: 'true' });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'completed', useCase: 'mvp' });
    expect(done.headers.get('location')).toBe(`/journeys/${done.body.journeyId}`);
    expect(done.body.delivery.subject).toBeTruthy();
  });

  it('takes the use case from a header and the key as given, with the tag in metadata', async () => {
    const done = await postUpload(serve.url, ORDERS, { key: 'uploads/anywhere/orders.csv', wait: '1' }, { 'x-symphainy-use-case': 'mvp' });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'completed', useCase: 'mvp', input: { key: 'uploads/anywhere/orders.csv' } });
  });

  it('accepts an unknown use case like S3 would, and the journey ends rejected with the reason', async () => {
    const accepted = await postUpload(serve.url, ORDERS, { 'use-case': 'teleportation', name: 'x.csv' });
    expect(accepted.status).toBe(202);
    const journey = await pollUntilOver(serve.url, accepted.body.journeyId);
    expect(journey).toMatchObject({ status: 'rejected', error: { code: 'unknown_use_case' } });
  });

  it('fails the journey of a broken file with the violation, over HTTP too', async () => {
    const done = await postUpload(serve.url, 'a,b\n1\n', { 'use-case': 'mvp', name: 'ragged.csv', wait: 'true' });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'failed', error: { code: 'ragged_rows' } });
  });

  it('refuses bad requests with a clear 4xx JSON error', async () => {
    const cases: [string, RequestInit, number, string][] = [
      ['/uploads?use-case=mvp', { method: 'POST' }, 400, 'missing_body'],
      ['/uploads?use-case=Not-A-Tag', { method: 'POST', body: ORDERS }, 400, 'bad_parameter'],
      ['/uploads?colour=red', { method: 'POST', body: ORDERS }, 400, 'unknown_parameter'],
      ['/uploads?key=elsewhere/orders.csv', { method: 'POST', body: ORDERS }, 400, 'bad_parameter'],
      ['/uploads?key=uploads/mvp/a.csv&name=b.csv', { method: 'POST', body: ORDERS }, 400, 'conflicting_parameter'],
      ['/uploads?use-case=mvp&wait=perhaps', { method: 'POST', body: ORDERS }, 400, 'bad_parameter'],
      ['/uploads?use-case=mvp&timeout=0', { method: 'POST', body: ORDERS }, 400, 'bad_parameter'],
      ['/uploads', { method: 'GET' }, 405, 'method_not_allowed'],
      ['/journeys?status=lost', {}, 400, 'bad_parameter'],
      ['/journeys/j-00000000000000000000', {}, 404, 'journey_not_found'],
      ['/teapot', {}, 404, 'not_found'],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await fetch(`${serve.url}${path}`, init);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect({ path, code: body.error.code }).toEqual({ path, code });
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it('lists journeys newest first and filters them', async () => {
    const done = await postUpload(serve.url, ORDERS, { 'use-case': 'mvp', name: 'orders-listed.csv', wait: 'true' });
    const all = await getJson<{ journeyId: string; status: string }[]>(`${serve.url}/journeys`);
    expect(all.status).toBe(200);
    expect(all.body.map((j) => j.journeyId)).toContain(done.body.journeyId);
    const rejected = await getJson<{ status: string }[]>(`${serve.url}/journeys?status=rejected`);
    expect(rejected.body.every((j) => j.status === 'rejected')).toBe(true);
    const one = await getJson<unknown[]>(`${serve.url}/journeys?limit=1`);
    expect(one.body).toHaveLength(1);
  });

  it('exposes Prometheus metrics that count journeys, step durations and queue depths', async () => {
    const done = await postUpload(serve.url, ORDERS, { 'use-case': 'mvp', name: 'orders-metered.csv', wait: 'true' });
    expect(done.body.status).toBe('completed');
    const res = await fetch(`${serve.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusText(await res.text());
    const samples = families.flatMap((f) => f.samples.map((s) => ({ ...s, type: f.type })));
    const value = (name: string, labels: Record<string, string>) =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

    expect(value('symphainy_journeys', { use_case: 'mvp', journey: 'upload', status: 'completed' })).toBeGreaterThanOrEqual(1);
    expect(value('symphainy_journeys', { use_case: 'mvp', journey: 'upload', status: 'failed' })).toBeGreaterThanOrEqual(0);
    expect(families.find((f) => f.name === 'symphainy_step_duration_seconds')?.type).toBe('histogram');
    for (const step of MVP_STEPS) {
      expect(value('symphainy_step_duration_seconds_count', { use_case: 'mvp', step, outcome: 'completed' })).toBeGreaterThanOrEqual(1);
      expect(value('symphainy_step_duration_seconds_bucket', { step, le: '+Inf' })).toBeGreaterThanOrEqual(1);
    }
    for (const queue of ['experience-manager', 'delivery-manager', 'validate-file', 'identify-monetization']) {
      expect(value('symphainy_queue_depth', { queue })).toBeGreaterThanOrEqual(0);
      expect(value('symphainy_dead_letter_depth', { queue })).toBe(0);
    }
    expect(value('symphainy_uploads_accepted_total', {})).toBeGreaterThanOrEqual(1);
    expect(value('symphainy_draining', {})).toBe(0);
    // The client library's process metrics come with them.
    expect(value('process_resident_memory_bytes', {})).toBeGreaterThan(10_000_000);
    expect(value('nodejs_eventloop_lag_seconds', {})).toBeGreaterThanOrEqual(0);
  });
});
