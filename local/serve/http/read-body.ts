import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/**
 * The request body as it arrives, refusing more than `limit` bytes (by its Content-Length before
 * a byte is read, else as soon as it runs past) and an empty one: the store it is streamed into
 * drops the partial object when this throws.
 */
export async function* bodyChunks(req: IncomingMessage, limit: number): AsyncGenerator<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(declared, limit);
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) throw tooLarge(size, limit);
    yield chunk as Buffer;
  }
  if (size === 0) throw new HttpError(400, 'missing_body', "the request has no body: send the file's bytes as the body (e.g. curl --data-binary @file.csv)");
}

function tooLarge(size: number, limit: number): HttpError {
  // The client may still be sending: close the connection rather than read the rest.
  return new HttpError(413, 'body_too_large', `the upload is ${size} bytes or more; the platform reads at most ${limit}`, { connection: 'close' });
}
