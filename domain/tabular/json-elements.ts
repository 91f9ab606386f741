import { MAX_JSON_DEPTH } from './parse-table.js';

class BrokenJsonArray extends Error {
  override readonly name = 'BrokenJsonArray';
  constructor(
    readonly code: 'invalid_json' | 'json_too_deep',
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Splits the text of one top-level JSON array into its elements as chunks arrive, each with the
 * line it starts on, for JSON.parse one at a time: only the element being read is held. It finds
 * the commas at depth one outside strings, and stops at nesting deeper than MAX_JSON_DEPTH (the
 * array counts as one level, as in the whole-table reader).
 */
export class JsonArrayElements {
  static readonly Broken = BrokenJsonArray;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private closed = false;
  private line = 1;
  private parts: string[] = [];
  private elementLine = 0;
  private elements = 0;

  push(chunk: string): { text: string; line: number }[] {
    const found: { text: string; line: number }[] = [];
    let start = this.depth >= 1 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 0x0a) {
        this.line++;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 0x5c) this.escaped = true;
        else if (ch === 0x22) this.inString = false;
        continue;
      }
      if (this.closed) {
        if (!isWhitespace(ch)) throw new BrokenJsonArray('invalid_json', this.line, 'not valid JSON: text follows the end of the array');
        continue;
      }
      if (this.depth === 1 && this.elementLine === 0 && !isWhitespace(ch) && ch !== 0x2c && ch !== 0x5d) this.elementLine = this.line;
      if (ch === 0x22) this.inString = true;
      else if (ch === 0x5b || ch === 0x7b) {
        if (++this.depth > MAX_JSON_DEPTH) throw new BrokenJsonArray('json_too_deep', this.line, `values nest more than ${MAX_JSON_DEPTH} levels deep`);
        if (this.depth === 1) start = i + 1;
      } else if (ch === 0x5d || ch === 0x7d) {
        if (--this.depth === 0) {
          this.take(found, chunk.slice(start, i), true);
          this.closed = true;
        }
      } else if (ch === 0x2c && this.depth === 1) {
        this.take(found, chunk.slice(start, i), false);
        start = i + 1;
      }
    }
    if (this.depth >= 1 && start >= 0) this.parts.push(chunk.slice(start));
    return found;
  }

  /** The text ended: an array still open was cut short. */
  finish(): void {
    if (!this.closed) throw new BrokenJsonArray('invalid_json', this.line, 'not valid JSON: the array is never closed (the file was cut short?)');
  }

  private take(found: { text: string; line: number }[], tail: string, last: boolean): void {
    this.parts.push(tail);
    const text = this.parts.join('');
    this.parts = [];
    const line = this.elementLine || this.line;
    this.elementLine = 0;
    // `[]` holds no element; an empty one anywhere else (`[1,,2]`, `[1,]`) is invalid JSON, for JSON.parse to say so.
    if (text.trim() === '' && last && this.elements === 0) return;
    this.elements++;
    found.push({ text, line });
  }
}

/** Whether one NDJSON line nests deeper than MAX_JSON_DEPTH, counted outside strings. */
export function ndjsonLineTooDeep(line: string): boolean {
  if (line.length <= MAX_JSON_DEPTH) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function isWhitespace(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09;
}
