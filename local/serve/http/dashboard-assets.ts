import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { HttpError } from './http-error.js';

const CONTENT_TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/**
 * The dashboard's files, found by walking up from this module to the checkout that holds them:
 * the same from the TypeScript sources and from the CLI bundle in bin/.build. They are plain
 * files a browser runs as they are, so there is no front-end build for a user to run.
 */
function dashboardDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'local', 'serve', 'dashboard');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'app.js'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('the dashboard files (local/serve/dashboard) are not beside this installation');
}

let cached: Map<string, Buffer> | undefined;

function assets(): Map<string, Buffer> {
  if (!cached) {
    const dir = dashboardDir();
    cached = new Map(Object.keys(CONTENT_TYPES).map((name) => [name, readFileSync(join(dir, name))]));
  }
  return cached;
}

export function sendDashboardAsset(res: ServerResponse, name: string): void {
  const body = assets().get(name);
  if (!body) throw new HttpError(404, 'not_found', `no dashboard file ${name}`);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[name]!,
    'content-length': String(body.byteLength),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
