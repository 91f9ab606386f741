import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-error.js';

/** One endpoint of serve's API: a path pattern and a handler per method. */
export interface Route {
  pattern: RegExp;
  name: string;
  methods: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL, params: string[]) => Promise<void>>;
}

export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'bad_path', `"${segment}" is not a valid URL path segment`);
  }
}
