import type { CellKind } from './column-accumulator.js';
import { ChunkCarry } from './chunk-carry.js';
import type { DatasetAccumulator } from './dataset-accumulator.js';
import { Hash64 } from './hash64.js';
import { ProfileError } from './profile-error.js';

const WHITESPACE = new Uint8Array(256);
for (const b of [0x20, 0x09, 0x0a, 0x0d]) WHITESPACE[b] = 1;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const enum Top {
  BeforeArray,
  ArrayValue,
  ArrayComma,
  AfterArray,
  Lines,
}

/**
 * Reads a JSON array of objects, or NDJSON (one object per line), as a stream of records:
 * a small state machine finds where each top-level object ends (tracking strings and nesting,
 * so nothing is scanned twice), only an object cut by a chunk boundary is carried over, and
 * each whole object goes through JSON.parse. Top-level values that are not objects mean the
 * file is not a table.
 */
export class JsonRecords {
  private top: Top;
  private readonly carry = new ChunkCarry();
  private depth = 0;
  private inString = false;
  private escape = false;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly encoder = new TextEncoder();
  private text = new Uint8Array(1024);
  private readonly columnIndex = new Map<string, number>();
  private readonly recordHash = new Hash64();

  constructor(
    array: boolean,
    private readonly dataset: DatasetAccumulator,
    private readonly maxRecordBytes = 16 * 1024 * 1024,
  ) {
    this.top = array ? Top.BeforeArray : Top.Lines;
  }

  push(chunk: Uint8Array): void {
    const joined = this.carry.join(chunk);
    const done = this.scan(joined.bytes, this.carry.carried, joined.length);
    if (joined.length - done > this.maxRecordBytes) {
      throw new ProfileError('record_too_large', `a JSON record starting at byte ${this.carry.consumed + done} runs past ${this.maxRecordBytes} bytes`, [
        `byte ${this.carry.consumed + done}: record longer than ${this.maxRecordBytes} bytes`,
      ]);
    }
    this.carry.keep(joined, chunk, done);
  }

  finish(): void {
    if (this.carry.carried > 0 || this.depth > 0) {
      throw new ProfileError('truncated_input', `the JSON ends inside a record that starts at byte ${this.carry.consumed}`, [
        `byte ${this.carry.consumed}: record never closed`,
      ]);
    }
    if (this.top === Top.BeforeArray || this.top === Top.ArrayValue || this.top === Top.ArrayComma) {
      throw new ProfileError('truncated_input', 'the JSON array is never closed', [`byte ${this.carry.consumed}: expected "]"`]);
    }
  }

  /** Scans bytes[from, length) (bytes before `from` were scanned already); returns where the unfinished record starts. */
  private scan(bytes: Uint8Array, from: number, length: number): number {
    let i = from;
    let recordStart = 0;
    if (this.depth === 0) recordStart = from;
    while (i < length) {
      const b = bytes[i]!;
      if (this.depth > 0) {
        if (this.inString) {
          if (this.escape) this.escape = false;
          else if (b === BACKSLASH) this.escape = true;
          else if (b === QUOTE) this.inString = false;
        } else if (b === QUOTE) this.inString = true;
        else if (b === 0x7b || b === 0x5b) this.depth++;
        else if (b === 0x7d || b === 0x5d) {
          if (--this.depth === 0) {
            this.record(bytes, recordStart, i + 1);
            if (this.top === Top.ArrayValue) this.top = Top.ArrayComma;
          }
        }
        i++;
        continue;
      }
      if (WHITESPACE[b] === 1) {
        i++;
        continue;
      }
      const at = this.carry.consumed + i;
      switch (this.top) {
        case Top.BeforeArray:
          if (b !== 0x5b) throw invalid(at, 'expected "["');
          this.top = Top.ArrayValue;
          i++;
          continue;
        case Top.ArrayComma:
          if (b === 0x2c) this.top = Top.ArrayValue;
          else if (b === 0x5d) this.top = Top.AfterArray;
          else throw invalid(at, 'expected "," or "]" after an element');
          i++;
          continue;
        case Top.AfterArray:
          throw invalid(at, 'text after the closing "]"');
        case Top.ArrayValue:
          if (b === 0x5d) {
            if (this.dataset.rows === 0) {
              this.top = Top.AfterArray;
              i++;
              continue;
            }
            throw invalid(at, 'a "," before "]"');
          }
        // falls through: an element must be an object
        case Top.Lines:
          if (b !== 0x7b) {
            throw new ProfileError(
              'not_tabular',
              `a top-level JSON value at byte ${at} is not an object; expected an array of objects or one object per line`,
              [`byte ${at}: expected "{"`],
            );
          }
          recordStart = i;
          this.depth = 1;
          i++;
      }
    }
    return this.depth > 0 ? recordStart : length;
  }

  private record(bytes: Uint8Array, start: number, end: number): void {
    let value: unknown;
    try {
      value = JSON.parse(this.decoder.decode(bytes.subarray(start, end)));
    } catch (error) {
      throw invalid(this.carry.consumed + start, `the record starting here is not valid JSON (${(error as Error).message})`);
    }
    const dataset = this.dataset;
    for (const key of Object.keys(value as object)) {
      let index = this.columnIndex.get(key);
      if (index === undefined) {
        index = dataset.addColumn(key);
        this.columnIndex.set(key, index);
      }
      dataset.noteCell(index, this.cell(index, (value as Record<string, unknown>)[key]));
    }
    this.recordHash.row(bytes, start, end);
    dataset.endRow(this.recordHash.h1, this.recordHash.h2);
  }

  private cell(index: number, value: unknown): CellKind {
    const column = this.dataset.columns[index]!;
    switch (typeof value) {
      case 'number':
        // 1e400 parses to Infinity: kept as the text it was, not as a number that would poison the moments.
        if (!Number.isFinite(value)) return column.addString(this.text, 0, this.encode(String(value)));
        return column.addNumber(value, Number.isSafeInteger(value), this.text, 0, this.encode(String(value)));
      case 'boolean':
        return column.addBoolean(value, this.text, 0, this.encode(String(value)));
      case 'string':
        return column.addJsonString(this.text, 0, this.encode(value));
      default:
        if (value === null) {
          column.addMissing();
          return 0;
        }
        return column.addString(this.text, 0, this.encode(JSON.stringify(value)));
    }
  }

  /** UTF-8 of `text` into the reused buffer; returns its length. */
  private encode(text: string): number {
    if (this.text.length < text.length * 3) this.text = new Uint8Array(text.length * 3);
    return this.encoder.encodeInto(text, this.text).written;
  }
}

function invalid(at: number, what: string): ProfileError {
  return new ProfileError('invalid_json', `invalid JSON at byte ${at}: ${what}`, [`byte ${at}: ${what}`]);
}
