import { ProfileError } from './profile-error.js';
import { ChunkCarry } from './chunk-carry.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Receives each row as field boundaries into `bytes`; valid only during the call. */
export interface DelimitedRowSink {
  /** `escaped[i]` is 1 when field i was quoted and holds doubled quotes ("") to undo; `line` is where the row starts (1-based). */
  row(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, fields: number, line: number): void;
}

/**
 * Splits delimited text (RFC 4180: quoted fields may hold delimiters, line breaks and doubled
 * quotes; rows end with LF, CRLF or CR; blank lines are skipped) straight from bytes, chunk by
 * chunk, without making a string per cell. Only a row cut by a chunk boundary is copied, and
 * it is scanned again from its start once the next chunk arrives.
 *
 * Hand-rolled rather than a library because of throughput: on the benchmark's 134 MB telemetry
 * file here, papaparse alone parsed at 83 MB/s and csv-parse is slower still (27 MB/s on the
 * machine the issue was measured on), before a single statistic; DuckDB's SUMMARIZE
 * (threads=1) does the whole profile at 38 MB/s, so a parser that builds strings per cell
 * leaves no room for the statistics.
 */
export class DelimitedScanner {
  private readonly carry = new ChunkCarry();
  /** Bytes of the input before `work[0]` (or the chunk's first byte), for error offsets. */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);
  /** 1 for the bytes that end an unquoted field. */
  private readonly stops = new Uint8Array(256);

  constructor(
    delimiter: number,
    private readonly sink: DelimitedRowSink,
    private readonly maxRowBytes = 16 * 1024 * 1024,
    /** Where the first byte pushed sits in the input: a shard's rows and errors are placed as one read places them. */
    firstByte = 0,
  ) {
    this.carry.consumed = firstByte;
    this.stops[delimiter] = 1;
    this.stops[LF] = 1;
    this.stops[CR] = 1;
    this.delimiter = delimiter;
  }

  private readonly delimiter: number;
  private rowLine = 1;
  private rowBegin = 0;
  private rowFinish = 0;

  /** Where the row being handed to the sink starts in the input (bytes, from 0); valid during `row`. */
  get rowStartOffset(): number {
    return this.carry.consumed + this.rowBegin;
  }

  /** Where that row ends, after its line break: where the next row (or blank line) starts. */
  get rowEndOffset(): number {
    return this.carry.consumed + this.rowFinish;
  }

  /** The line the row being read starts on: where a row cut off by the end of the input began. */
  get line(): number {
    return this.rowLine;
  }

  push(chunk: Uint8Array): void {
    const joined = this.carry.join(chunk);
    const done = this.scan(joined.bytes, joined.length, false);
    if (joined.length - done > this.maxRowBytes) {
      throw new ProfileError(
        'record_too_large',
        `a row starting at byte ${this.carry.consumed + done} runs past ${this.maxRowBytes} bytes (an unclosed quote?)`,
        [`byte ${this.carry.consumed + done}: row longer than ${this.maxRowBytes} bytes`],
      );
    }
    this.carry.keep(joined, chunk, done);
  }

  /** The input ended: the last row needs no line break, but an open quote is a cut-off file. */
  finish(): void {
    if (this.carry.carried > 0) this.scan(this.carry.tail(), this.carry.carried, true);
    this.carry.carried = 0;
  }

  /** Emits every complete row in bytes[0, length); returns where the first incomplete row starts. */
  private scan(bytes: Uint8Array, length: number, final: boolean): number {
    const stops = this.stops;
    const delimiter = this.delimiter;
    let i = 0;
    let rowStart = 0;
    for (;;) {
      let fields = 0;
      let quoted = false;
      for (;;) {
        if (i >= length) {
          if (!final || (fields === 0 && i === rowStart)) return rowStart;
          this.field(fields++, i, i, 0);
          this.emit(bytes, fields, rowStart, length);
          return length;
        }
        if (bytes[i] === QUOTE) {
          quoted = true;
          const open = i;
          let from = i + 1;
          let escaped = 0;
          for (;;) {
            const close = bytes.indexOf(QUOTE, from);
            if (close === -1 || close >= length) {
              if (!final) return rowStart;
              throw new ProfileError('truncated_input', `the file ends inside a quoted field that opens at byte ${this.carry.consumed + open}`, [
                `byte ${this.carry.consumed + open}: quote never closed`,
              ]);
            }
            if (close + 1 < length && bytes[close + 1] === QUOTE) {
              escaped = 1;
              from = close + 2;
              continue;
            }
            if (close + 1 >= length && !final) return rowStart; // the next chunk may start with a second quote
            this.field(fields++, open + 1, close, escaped);
            i = close + 1;
            break;
          }
          // Anything between a closing quote and the next delimiter is ignored, as lenient readers do.
          while (i < length && stops[bytes[i]!] === 0) i++;
        } else {
          const start = i;
          while (i < length && stops[bytes[i]!] === 0) i++;
          if (i >= length && !final) return rowStart;
          this.field(fields++, start, i, 0);
        }
        if (i >= length) {
          this.emit(bytes, fields, rowStart, length);
          return length;
        }
        const stop = bytes[i++]!;
        if (stop === delimiter) continue;
        if (stop === CR && i < length && bytes[i] === LF) i++;
        else if (stop === CR && i >= length && !final) return rowStart; // a CRLF cut between chunks
        this.emit(bytes, fields, rowStart, i);
        // A quoted field may hold line breaks of its own; a row without one spans one line.
        this.rowLine += quoted ? lineBreaks(bytes, rowStart, i) : 1;
        rowStart = i;
        break;
      }
    }
  }

  private field(index: number, start: number, end: number, escaped: number): void {
    if (index === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.escaped = grow(this.escaped);
    }
    this.starts[index] = start;
    this.ends[index] = end;
    this.escaped[index] = escaped;
  }

  private emit(bytes: Uint8Array, fields: number, rowStart: number, rowEnd: number): void {
    this.rowBegin = rowStart;
    this.rowFinish = rowEnd;
    // A blank line (one unquoted field, empty or only spaces and tabs) is skipped, as the whole-table reader skips it.
    if (fields === 1 && (this.starts[0] === 0 || bytes[this.starts[0]! - 1] !== QUOTE) && onlySpaces(bytes, this.starts[0]!, this.ends[0]!)) return;
    this.sink.row(bytes, this.starts, this.ends, this.escaped, fields, this.rowLine);
  }
}

function onlySpaces(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09) return false;
  return true;
}

/** LF, CRLF and a lone CR each end a line. */
function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) breaks++;
  }
  return breaks;
}
