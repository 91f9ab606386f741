import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's package, or the Chrome a hosted CI runner has; SYMPHAINY_CHROMIUM points elsewhere. */
const CANDIDATES = [process.env['SYMPHAINY_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string =>
  Boolean(p),
);

/**
 * A real headless Chromium. Missing, it fails the test with what to install: a browser test that
 * skipped would count as passing without having looked at the page.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) throw new Error(`no Chromium at ${CANDIDATES.join(', ')}: apt-get install -y chromium (or set SYMPHAINY_CHROMIUM)`);
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}
