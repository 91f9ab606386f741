import { crc32 } from 'node:zlib';

/**
 * A line that says how long it is and what it should hash to, so a reader can tell a whole
 * record from one a crash cut short or a disk garbled: `<bytes> <crc32 hex> <payload>\n`.
 * The payload is one line of JSON (no raw newline), so a file of frames is still greppable.
 */
export function frame(payload: string): Buffer {
  const bytes = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from(`${bytes.byteLength} ${crc32(bytes).toString(16).padStart(8, '0')} `, 'ascii'), bytes, NEWLINE]);
}

const NEWLINE = Buffer.from('\n');
const HEADER = /^(\d{1,10}) ([0-9a-f]{8}) /;

export type FrameRead =
  | { kind: 'record'; payload: string; end: number }
  /** The bytes from `at` on cannot be a whole frame: a torn or garbled record. */
  | { kind: 'broken'; reason: string }
  /** No frame header at all: a line written before records were framed, taken if it parses. */
  | { kind: 'legacy'; payload: string; end: number };

/** Reads the frame starting at `at` in `buffer`, or says why there is none. */
export function readFrame(buffer: Buffer, at: number): FrameRead {
  const head = buffer.subarray(at, Math.min(buffer.byteLength, at + 24)).toString('latin1');
  const match = HEADER.exec(head);
  if (!match) {
    if (head.startsWith('{')) {
      const end = buffer.indexOf(0x0a, at);
      if (end === -1) return { kind: 'broken', reason: 'a record without its line end' };
      return { kind: 'legacy', payload: buffer.subarray(at, end).toString('utf8'), end: end + 1 };
    }
    return { kind: 'broken', reason: 'no record header' };
  }
  const length = Number(match[1]);
  const start = at + match[0].length;
  const end = start + length;
  if (end + 1 > buffer.byteLength) return { kind: 'broken', reason: `a record of ${length} bytes cut short at ${buffer.byteLength - start}` };
  if (buffer[end] !== 0x0a) return { kind: 'broken', reason: 'a record not followed by its line end' };
  const payload = buffer.subarray(start, end);
  if (crc32(payload).toString(16).padStart(8, '0') !== match[2]) return { kind: 'broken', reason: 'a record whose checksum does not match' };
  return { kind: 'record', payload: payload.toString('utf8'), end: end + 1 };
}

/**
 * The whole records in `buffer`, for a reader following a file another process is appending to:
 * a broken record with a line end after it is skipped, and one without (a record still being
 * written) ends the read, so `consumed` is where the next read starts.
 */
export function readFollowedFrames(buffer: Buffer): { payloads: string[]; consumed: number } {
  const payloads: string[] = [];
  let at = 0;
  while (at < buffer.byteLength) {
    if (buffer[at] === 0x0a) {
      at += 1;
      continue;
    }
    const read = readFrame(buffer, at);
    if (read.kind === 'broken') {
      const next = buffer.indexOf(0x0a, at);
      if (next === -1) break;
      at = next + 1;
      continue;
    }
    payloads.push(read.payload);
    at = read.end;
  }
  return { payloads, consumed: at };
}
