import { RecordStreamError } from './record-stream-error.js';

/** One JSON document per non-blank line. */
export async function* ndjsonValues(text: AsyncIterable<string>): AsyncGenerator<unknown> {
  let pending = '';
  let line = 0;
  const parse = (raw: string): unknown => {
    line++;
    try {
      return JSON.parse(raw);
    } catch {
      throw new RecordStreamError('invalid_json', `line ${line} is not a JSON document`);
    }
  };
  for await (const chunk of text) {
    pending += chunk;
    let end = pending.indexOf('\n');
    while (end >= 0) {
      const raw = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (raw.trim()) yield parse(raw);
      else line++;
      end = pending.indexOf('\n');
    }
  }
  if (pending.trim()) yield parse(pending);
}

/**
 * The elements of a top-level JSON array, one at a time: the text is scanned for the commas that
 * separate elements at depth one (outside strings), and each element is handed to JSON.parse.
 * Only the element being read is held in memory.
 */
export async function* jsonArrayValues(text: AsyncIterable<string>): AsyncGenerator<unknown> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let closed = false;
  const parse = (raw: string): unknown => {
    try {
      return JSON.parse(raw);
    } catch {
      throw new RecordStreamError('invalid_json', `an element of the JSON array is not valid JSON: ${raw.trim().slice(0, 60)}`);
    }
  };
  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (closed) {
        if (!isWhitespace(ch)) throw new RecordStreamError('invalid_json', 'text follows the end of the JSON array');
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === 0x5c) escaped = true;
        else if (ch === 0x22) inString = false;
        continue;
      }
      if (ch === 0x22) inString = true;
      else if (ch === 0x5b || ch === 0x7b) {
        depth++;
        if (depth === 1) start = i + 1;
      } else if (ch === 0x5d || ch === 0x7d) {
        depth--;
        if (depth === 0) {
          element += chunk.slice(start, i);
          if (element.trim()) yield parse(element);
          element = '';
          closed = true;
        }
      } else if (ch === 0x2c && depth === 1) {
        element += chunk.slice(start, i);
        yield parse(element);
        element = '';
        start = i + 1;
      }
    }
    if (depth >= 1 && !closed) element += chunk.slice(start);
  }
  if (!closed) throw new RecordStreamError('truncated_input', 'the JSON array is not closed: the file was cut short');
}

function isWhitespace(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09;
}
