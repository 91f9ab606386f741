import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** Reads the whole request body, refusing more than `limit` bytes before buffering them. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(declared, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) throw tooLarge(size, limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(size: number, limit: number): HttpError {
  // The client may still be sending: close the connection rather than read the rest.
  return new HttpError(413, 'body_too_large', `the upload is ${size} bytes or more; the platform reads at most ${limit}`, { connection: 'close' });
}
