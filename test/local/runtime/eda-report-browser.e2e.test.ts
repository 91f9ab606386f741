import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { people } from '../../support/people.js';
import { launchChromium } from '../serve/browser.js';

/**
 * The EDA reports as a reader sees them: opened in headless Chromium from the file the journey
 * wrote, measured, and photographed (SYMPHAINY_SCREENSHOTS=<dir> keeps the pictures to look at).
 */
const crew = people(90);
const csv = (cell: string | number) => (/[",]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell));

/** Policies from 1998 and from the last three years (a hole of twenty years), a branch column in Japanese, claims in every status. */
function extractWithYears(thisYear: number): string {
  const lines = ['pol_no,insured_nm,tin,mail,tel,lob,st,eff_dt,prem,clm_no,loss_dt,clm_amt,clm_stat,branch_office'];
  const years = [1998, 1998, ...Array.from({ length: 88 }, (_, i) => thisYear - 2 + (i % 3))];
  crew.forEach((p, i) => {
    const year = years[i]!;
    const claim =
      i % 3 === 0 ? [`C${900 + i}`, `${year}-0${1 + (i % 9)}-20`, (400 + i * 35).toFixed(2), ['PD', 'OP', 'DN', 'CL', 'RO'][i % 5]!] : ['', '', '', ''];
    lines.push(
      [
        `P${5000 + i}`,
        p.name,
        p.nationalId,
        p.email,
        p.phone,
        ['AUTO', 'HOME', 'LIFE'][i % 3]!,
        ['NY', 'TX', 'CA', 'WA'][i % 4]!,
        `${year}-0${1 + (i % 9)}-01`,
        (800 + i * 25).toFixed(2),
        ...claim,
        ['東京支店', '大阪支店', '札幌支店'][i % 3]!,
      ]
        .map(csv)
        .join(','),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** A shop's export with customers' details and product names in Japanese and Chinese. */
function ordersWithCustomers(): string {
  const lines = ['order_ref\tcustomer\tcustomer_email\tmobile\tproduct\tqty\tunit_price\tshipped_on'];
  crew.slice(0, 80).forEach((p, i) => {
    lines.push(
      [
        `SO-${31000 + i}`,
        p.name,
        p.email,
        p.phone,
        ['緑茶セット', '乌龙茶', 'Matcha Whisk', '急須'][i % 4]!,
        1 + (i % 5),
        (4.5 + (i % 9) * 1.25).toFixed(2),
        `2026-0${1 + (i % 9)}-1${i % 10}`,
      ].join('\t'),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** Four vehicles, one impossible speed each: every bar of the anomalies chart is 1. */
function telemetryWithOneGlitchEach(): string {
  const lines = ['ts_ms,vin,speed_mph,accel_g,gps_lat,gps_lng,hdg'];
  const start = Date.UTC(2026, 5, 1, 8, 0, 0);
  for (let v = 0; v < 4; v++) {
    for (let s = 0; s < 90; s++) {
      const speed = s === 40 + v ? 400 : 25 + 5 * Math.sin(s / 7);
      lines.push(
        [
          start + s * 1000,
          `1HGCM8263A00000${v}`,
          speed.toFixed(2),
          (0.02 * Math.cos(s / 5)).toFixed(4),
          (41.88 + v * 0.01 + s * 0.00005).toFixed(6),
          (-87.63 + s * 0.00005).toFixed(6),
          ((s * 7) % 360).toFixed(1),
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('EDA reports in headless Chromium', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-report-'));
    harness = await embeddedHarness();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openReport(useCase: string, fileName: string, body: string): Promise<string> {
    const eda = await harness.uploadAndWait(body, `uploads/${useCase}/${fileName}`, { journey: 'eda' });
    expect(eda.status, JSON.stringify(eda.error)).toBe('completed');
    const report = eda.artifacts.find((a) => a.name === 'report.html')!;
    const path = join(dir, `${useCase}.html`);
    writeFileSync(path, await harness.text(report.bucket, report.key));
    await page.goto(`file://${path}`, { waitUntil: 'load' });
    return path;
  }

  /** The whole page, and each section on its own (a full page of a report is too tall to read at once). */
  const screenshot = async (name: string) => {
    const folder = process.env['SYMPHAINY_SCREENSHOTS'] ?? dir;
    const path = join(folder, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    for (const section of await page.$$('main > section')) {
      const id = await section.evaluate((s) => s.id);
      await section.screenshot({ path: join(folder, `${name}-${id}.png`) });
    }
    return path;
  };

  /** Tables and charts wider than the column of text they sit in: what a reader sees cut off at the right edge, or has to scroll to. */
  const overflowing = () =>
    page.$eval('main', (main: any) => {
      const style = main.ownerDocument.defaultView.getComputedStyle(main);
      const right = main.getBoundingClientRect().right - parseFloat(style.paddingRight);
      return [...main.querySelectorAll('table, svg, .table-wrap')]
        .filter((e: any) => e.getBoundingClientRect().right > right + 1 || e.scrollWidth > e.clientWidth + 1)
        .map((e: any) => `${e.tagName}: ${(e.closest('figure, .table-wrap, article')?.textContent ?? '').slice(0, 60)}`);
    });

  it('the insurance report: decoded statuses, a year axis with its gap, faint thin and running years, no raw personal data, nothing cut off', async () => {
    const thisYear = new Date().getUTCFullYear();
    await openReport('insurance_ai', 'policies-by-year.csv', extractWithYears(thisYear));
    expect(await overflowing()).toEqual([]);
    const text = await page.$eval('main', (m) => m.textContent ?? '');
    for (const p of crew) expect(text).not.toContain(p.nationalId);
    expect(text).toContain('PD · paid');
    expect(text).toContain('DN · denied');
    const yearChart = await page.$$eval('figure.chart', (figures) =>
      figures
        .filter((f) => f.querySelector('.title')?.textContent === 'Loss ratio by policy year')
        .map((f) => ({ labels: [...f.querySelectorAll('svg text')].map((t) => t.textContent), caption: f.querySelector('figcaption')?.textContent ?? '' })),
    );
    expect(yearChart).toHaveLength(1);
    // A number line of years: 1998 and the recent years on one axis, the twenty years between visible as a gap.
    expect(yearChart[0]!.labels).toEqual(expect.arrayContaining(['2000', '2010']));
    expect(yearChart[0]!.caption).toContain('1998 (fewer than 20 policies');
    expect(yearChart[0]!.caption).toContain(`${thisYear} is still running`);
    const family = await page.$eval('body', (b: any) => b.ownerDocument.defaultView.getComputedStyle(b).fontFamily as string);
    expect(family).toContain('Noto Sans CJK JP');
    expect(statSync(await screenshot('insurance-report')).size).toBeGreaterThan(50_000);
  }, 60_000);

  it('the mvp report: personal-data columns named as such with no value shown, CJK product names drawn, nothing cut off', async () => {
    await openReport('mvp', 'orders-with-customers.tsv', ordersWithCustomers());
    expect(await overflowing()).toEqual([]);
    const text = await page.$eval('main', (m) => m.textContent ?? '');
    for (const p of crew.slice(0, 80)) for (const value of [p.name, p.email, p.phone]) expect(text).not.toContain(value);
    const roles = await page.$eval('#column-roles', (s) => s.textContent ?? '');
    expect(roles).toContain('personal data');
    expect(roles).toContain('e-mail addresses');
    const productLabels = await page.$$eval('article.column-card', (cards) =>
      cards.filter((c) => c.querySelector('h3')?.textContent === 'product').flatMap((c) => [...c.querySelectorAll('svg text')].map((t) => t.textContent ?? '')),
    );
    expect(productLabels).toEqual(expect.arrayContaining(['緑茶セット', '乌龙茶', '急須']));
    expect(statSync(await screenshot('mvp-report')).size).toBeGreaterThan(50_000);
  }, 60_000);

  it('the autonomous-vehicle report: whole-number ticks on the anomaly counts, no heading or coordinate correlation, nothing cut off', async () => {
    await openReport('autonomous_vehicle', 'one-glitch-each.csv', telemetryWithOneGlitchEach());
    expect(await overflowing()).toEqual([]);
    const ticks = await page.$$eval('figure.chart', (figures) => {
      const chart = figures.find((f) => f.querySelector('.title')?.textContent === 'Anomalies by vehicle');
      return [...(chart?.querySelectorAll('svg .role-axis-label text') ?? [])].map((t) => t.textContent ?? '');
    });
    const numeric = ticks.filter((t) => /^[\d.,]+$/.test(t));
    expect(numeric.length).toBeGreaterThan(0);
    expect(numeric.every((t) => /^\d+$/.test(t))).toBe(true);
    const findings = await page.$eval('#findings', (f) => f.textContent ?? '');
    expect(findings).not.toMatch(/hdg is (left|right)-skewed|gps_lat and|gps_lng and|and hdg are/);
    expect(statSync(await screenshot('autonomous-vehicle-report')).size).toBeGreaterThan(50_000);
  }, 60_000);
});
