import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { runCli } from '../../support/run-cli.js';
import { launchChromium } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';

const LIVE_TIMEOUT_MS = 30_000;

interface DashboardRig {
  dir: string;
  serve: ServeProcess;
  browser: Browser;
}

/** A serve of its own on a fresh data directory and a browser, for one describe block; both stop after it. */
function dashboardRig(serveArgs: string[]): DashboardRig {
  const rig = {} as DashboardRig;
  beforeAll(async () => {
    rig.dir = mkdtempSync(join(tmpdir(), 'symphainy-dashboard-'));
    rig.serve = await startServe(['--data-dir', join(rig.dir, 'state'), ...serveArgs]);
    rig.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await rig.browser?.close();
    await rig.serve?.stop();
    rmSync(rig.dir, { recursive: true, force: true });
  });
  return rig;
}

/** What a user does: open the page that `symphainy serve` serves, upload through its form, watch. */
describe('the dashboard of symphainy serve, in headless Chromium', () => {
  // process_file fails its first three attempts: the upload's journey fails for good and can be redriven.
  const rig = dashboardRig(['--fault', 'process_file:fail:3']);
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    page = await rig.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  }, 60_000);
  const screenshot = async (name: string): Promise<string> => {
    // SYMPHAINY_SCREENSHOTS=<dir> keeps them, to look at.
    const path = join(process.env['SYMPHAINY_SCREENSHOTS'] ?? rig.dir, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
  const badgeOfPage = () => page.$eval('h1 .badge', (b: any) => b.dataset.status);

  it('loads the journeys list, empty, with live updates connected', async () => {
    await page.goto(rig.serve.url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.live.on', { timeout: LIVE_TIMEOUT_MS });
    expect(await page.$eval('tbody', (t) => t.textContent)).toContain('no journeys yet');
    const useCases = await page.$$eval('#upload-use-case option', (options) => options.map((o: any) => o.value));
    expect(useCases).toEqual(expect.arrayContaining(['mvp', 'autonomous_vehicle', 'insurance_ai']));
    expect(statSync(await screenshot('empty-list')).size).toBeGreaterThan(5_000);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('uploads a file through the form and shows its journey completing live, to scale, with its artifacts and its EDA report', async () => {
    // A ward's export, not our samples: semicolons and decimal commas.
    const file = join(rig.dir, 'ward-temps.csv');
    writeFileSync(file, 'ward;bed;temp_c;taken_at\nA;1;36,9;2026-11-30T06:00:00Z\nB;4;38,2;2026-11-30T06:05:00Z\nC;2;37,1;2026-11-30T06:10:00Z\n');
    await page.goto(rig.serve.url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.live.on', { timeout: LIVE_TIMEOUT_MS });
    // Later uploads of this test run into the fault; the first three attempts are this one's.
    await (await page.$('#upload-file'))!.uploadFile(file);
    await page.select('#upload-use-case', 'insurance_ai');
    await page.select('#upload-use-case', 'mvp');
    await page.click('#upload button[type=submit]');
    await page.waitForFunction("location.hash.startsWith('#/journeys/')", { timeout: LIVE_TIMEOUT_MS });
    await page.waitForFunction(`['completed', 'failed'].includes(document.querySelector('h1 .badge')?.dataset.status)`, { timeout: LIVE_TIMEOUT_MS });
    expect(await badgeOfPage()).toBe('failed');
    // The fault failed process_file three times: the page says why and offers the redrive.
    expect(await page.$eval('.error', (e) => e.textContent)).toContain('step_retries_exhausted');
    const lanes = await page.$$eval('.lane', (ls) => ls.map((l: any) => [l.dataset.step, l.querySelector('.badge').textContent]));
    expect(lanes).toEqual([
      ['validate_file', 'completed'],
      ['process_file', 'failed'],
      ['store_file', 'pending'],
      ['notify_completion', 'pending'],
    ]);
    await screenshot('failed-journey');

    await page.click('#redrive');
    await page.waitForFunction(`document.querySelector('h1 .badge')?.dataset.status === 'completed'`, { timeout: LIVE_TIMEOUT_MS });
    expect(await page.$eval('.facts', (f) => f.textContent)).toContain('redriven1 time(s)');
    // Bars are drawn to scale: each starts where its step started within the journey.
    const bars = await page.$$eval('.bar', (bs) => bs.map((b: any) => parseFloat(b.style.left)));
    expect(bars).toHaveLength(4);
    expect([...bars].sort((a, b) => a - b)).toEqual(bars);
    expect(bars[0]).toBe(0);

    await page.click('tr[data-artifact="curated.ndjson"] button');
    await page.waitForSelector('pre[data-preview="curated.ndjson"]');
    expect(await page.$eval('pre.preview', (p) => p.textContent)).toContain('"ward":"B","bed":4');
    // Each event of the journey, with the rule of the routing table that took it to its function.
    const routed = await page.$$eval('table.events tr[data-event]', (rows) =>
      rows.map((r: any) => [r.dataset.event, r.children[2].textContent, [...r.querySelectorAll('[data-rule]')].map((d: any) => d.textContent)]),
    );
    expect(routed[0]).toEqual(['Journey Started', '', ['journey-recorder-events → journey-recorder']]);
    expect(routed).toContainEqual(['Journey Step Requested', 'store_file', ['journey-recorder-events → journey-recorder', 'step-store-file → store-file']]);
    expect(routed.filter(([type]) => type === 'Journey Step Failed').map(([, step]) => step)).toEqual([
      'process_file #1',
      'process_file #2',
      'process_file #3',
    ]);
    // Requested once, and again by the redrive.
    expect(routed.filter(([type, step]) => type === 'Journey Step Requested' && step === 'process_file')).toHaveLength(2);
    await screenshot('completed-journey');

    // The upload's EDA journey follows it; its page shows the report inline.
    await page.waitForFunction(`[...document.querySelectorAll('.facts a')].some((a) => a.textContent.startsWith('eda '))`, { timeout: LIVE_TIMEOUT_MS });
    await page.evaluate(`[...document.querySelectorAll('.facts a')].find((a) => a.textContent.startsWith('eda ')).click()`);
    await page.waitForFunction(`document.querySelector('h1 .badge')?.dataset.status === 'completed'`, { timeout: LIVE_TIMEOUT_MS });
    const report = await page.waitForSelector('iframe.report', { timeout: LIVE_TIMEOUT_MS });
    const frame = await report!.contentFrame();
    await frame.waitForSelector('body');
    expect(await frame.$eval('body', (b) => b.textContent)).toContain('temp_c');
    expect(statSync(await screenshot('eda-journey')).size).toBeGreaterThan(20_000);

    await page.goto(`${rig.serve.url}/#/`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(`document.querySelectorAll('tr.journey').length >= 2`, { timeout: LIVE_TIMEOUT_MS });
    // Started since a minute from now: none; since a minute ago: this test's journeys.
    const localMinute = (offsetMs: number) => new Date(Date.now() + offsetMs - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    await page.$eval(
      'input[data-filter="since"]',
      (input: any, value) => ((input.value = value), input.dispatchEvent(new Event('change'))),
      localMinute(60_000),
    );
    expect(await page.$eval('tbody', (t) => t.textContent)).toContain('no journey matches the filters');
    await page.$eval(
      'input[data-filter="since"]',
      (input: any, value) => ((input.value = value), input.dispatchEvent(new Event('change'))),
      localMinute(-600_000),
    );
    expect(await page.$$eval('tr.journey', (rows) => rows.length)).toBeGreaterThanOrEqual(2);
    await page.select('select[data-filter="status"]', 'failed');
    expect(await page.$eval('tbody', (t) => t.textContent)).toContain('no journey matches the filters');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('serves only the artifacts a journey lists, and streams platform events', async () => {
    const upload = await fetch(`${rig.serve.url}/uploads?use-case=insurance_ai&name=policies.csv&wait=true`, {
      method: 'POST',
      body: 'policy_number,line_of_business\nP-1,AUTO\n',
    });
    const { journeyId } = (await upload.json()) as { journeyId: string };
    const foreign = await fetch(`${rig.serve.url}/journeys/${journeyId}/artifact?key=${encodeURIComponent('uploads/insurance_ai/policies.csv')}`);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('artifact_not_found');
    const unknown = await fetch(`${rig.serve.url}/journeys/j-none-such/events`);
    expect([unknown.status, ((await unknown.json()) as { error: { code: string } }).error.code]).toEqual([404, 'journey_not_found']);

    const events = await fetch(`${rig.serve.url}/events`);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    await fetch(`${rig.serve.url}/uploads?use-case=mvp&name=second.csv`, { method: 'POST', body: 'a,b\n1,2\n' });
    let text = '';
    while (!text.includes('"journeyId":"j-')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toMatch(/data: \{"type":"[A-Z][A-Za-z ]+","journeyId":"j-/);
  }, 60_000);
});

describe('symphainy serve with a token', () => {
  const token = 'a-token-of-sixteen-chars';
  const rig = dashboardRig(['--token', token]);

  it('refuses to bind beyond loopback without one', () => {
    const open = runCli(['serve', '--host', '0.0.0.0', '--data-dir', join(rig.dir, 'other')], { env: { SYMPHAINY_SERVE_TOKEN: '' } });
    expect(open.status).toBe(2);
    expect(open.stderr).toContain('give a token');
    const short = runCli(['serve', '--token', 'short', '--data-dir', join(rig.dir, 'other')]);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 16 characters');
  });

  it('answers probes without it, everything else only with it', async () => {
    expect((await fetch(`${rig.serve.url}/health`)).status).toBe(200);
    const refused = await fetch(`${rig.serve.url}/journeys`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect((await fetch(`${rig.serve.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
    expect((await fetch(`${rig.serve.url}/journeys`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('lets a browser in once it opened /?token=, live updates included', async () => {
    const page = await rig.browser.newPage();
    const refused = await page.goto(rig.serve.url, { waitUntil: 'domcontentloaded' });
    expect(refused!.status()).toBe(401);
    await page.goto(`${rig.serve.url}/?token=${token}`, { waitUntil: 'domcontentloaded' });
    expect(page.url()).toBe(`${rig.serve.url}/`);
    await page.waitForSelector('.live.on', { timeout: LIVE_TIMEOUT_MS });
    expect(await page.$eval('tbody', (t) => t.textContent)).toContain('no journeys yet');
  }, 60_000);
});

describe('the dashboard’s dead letters and routing rules', () => {
  const rig = dashboardRig(['--fault', 'store_file:fail:3']);

  it('lists the step request a queue gave up on and redrives it from the page, which completes its journey', async () => {
    const upload = await fetch(`${rig.serve.url}/uploads?use-case=mvp&name=shifts.tsv&wait=true`, {
      method: 'POST',
      body: 'nurse\tshift\thours\nAda\tnight\t12\nBo\tday\t8\n',
    });
    const failed = (await upload.json()) as { journeyId: string; status: string };
    expect(failed.status).toBe('failed');
    const page = await rig.browser.newPage();
    await page.goto(`${rig.serve.url}/#/dead-letters`, { waitUntil: 'domcontentloaded' });
    const row = await page.waitForSelector('tr[data-message-id]', { timeout: LIVE_TIMEOUT_MS });
    const cells = await row!.$$eval('td', (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(0, 5)).toEqual(['store-file', 'Journey Step Requested', failed.journeyId, 'store_file', '3']);
    expect(cells[6]).toContain('injected fault');
    await row!.$eval('button', (b: any) => b.click());
    await page.waitForFunction(`document.querySelector('tr[data-message-id] td:last-child').textContent.startsWith('redriven as ')`, {
      timeout: LIVE_TIMEOUT_MS,
    });
    await page.goto(`${rig.serve.url}/#/journeys/${failed.journeyId}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(`document.querySelector('h1 .badge')?.dataset.status === 'completed'`, { timeout: LIVE_TIMEOUT_MS });
  }, 90_000);

  it('draws the routing table as a graph: every rule between its events and its function', async () => {
    const rules = (await (await fetch(`${rig.serve.url}/rules`)).json()) as { rule: string; target: string }[];
    const page = await rig.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${rig.serve.url}/#/rules`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('svg.rules');
    const ruleNames = await page.$$eval('g[data-node="rule"] text', (ts) => ts.map((t) => t.textContent));
    expect(ruleNames).toHaveLength(rules.length);
    expect(ruleNames).toContain('step-store-file');
    const targets = await page.$$eval('g[data-node="target"] text', (ts) => ts.map((t) => t.textContent));
    expect(new Set(targets)).toEqual(new Set(rules.map((r) => r.target)));
    expect(await page.$$eval('svg.rules path', (ps) => ps.length)).toBeGreaterThanOrEqual(rules.length * 2);
    const path = join(process.env['SYMPHAINY_SCREENSHOTS'] ?? rig.dir, 'rules.png');
    await page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(20_000);
  }, 60_000);
});
