import { request } from 'node:http';

export interface SlowUpload {
  /** Resolves once the server has read the headers and started handling the upload (100 Continue). */
  started: Promise<void>;
  /** Sends the rest of the body and resolves with the answer. */
  finish(): Promise<{ status: number; body: any }>;
}

/**
 * An upload whose body arrives in two parts, so a test can act between them: the server's
 * `100 Continue` says the upload is in its hands before the rest is sent.
 */
export function slowUpload(base: string, query: Record<string, string>, firstPart: string, rest: string): SlowUpload {
  const url = new URL(`${base}/uploads?${new URLSearchParams(query)}`);
  const req = request(url, { method: 'POST', headers: { expect: '100-continue', 'content-length': String(Buffer.byteLength(firstPart + rest)) } });
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  const started = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  req.flushHeaders();
  return {
    started: started.then(() => void req.write(firstPart)),
    finish: async () => {
      req.end(rest);
      return answer;
    },
  };
}
