import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const COOKIE = 'symphainy_token';
/** Probes run without credentials; everything else, the metrics included, needs the token. */
const OPEN_PATHS = new Set(['/health', '/ready']);
export const MIN_TOKEN_LENGTH = 16;

/** Whether an address is this machine only, where the API needs no token. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function same(a: string, b: string): boolean {
  // Hashed first, so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The gate in front of every route when serve has a token: `Authorization: Bearer <token>` for
 * scripts, a cookie for the dashboard, which a browser gets by opening `/?token=<token>` once
 * (the token then leaves the address bar). Returns true when the request may go on; otherwise it
 * has answered it.
 */
export function admit(req: IncomingMessage, res: ServerResponse, url: URL, token: string): boolean {
  if (OPEN_PATHS.has(url.pathname)) return true;
  const offered = url.pathname === '/' ? url.searchParams.get('token') : null;
  if (offered !== null && same(offered, token)) {
    res.writeHead(303, { location: '/', 'set-cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/` });
    res.end();
    return false;
  }
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const presented = bearer ?? cookieToken(req);
  if (presented !== undefined && same(presented, token)) return true;
  const body = `${JSON.stringify({ error: { code: 'unauthorized', message: 'this server needs its token: send Authorization: Bearer <token>, or open /?token=<token> in a browser' } }, null, 2)}\n`;
  res.writeHead(401, {
    'content-type': 'application/json; charset=utf-8',
    'www-authenticate': 'Bearer realm="symphainy"',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
  return false;
}
