import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8Byte } from '#domain/inputs/decode-text.js';
import { ProfileError } from './profile-error.js';

/**
 * Checks a byte stream is UTF-8 text as it passes, chunk by chunk: a character split across two
 * chunks is held back and checked whole. NUL bytes mean binary data, which no format we read
 * contains. Validation is the runtime's native check, so it costs little next to parsing.
 */
export class Utf8Guard {
  private readonly pending = new Uint8Array(4);
  private pendingLength = 0;
  /** Where the held-back bytes sit in the stream. */
  private pendingAt = 0;
  private offset: number;

  /** `offset`: where the first byte checked sits in the file, so a part of it read alone names bytes as the whole would. */
  constructor(offset = 0) {
    this.offset = offset;
    this.pendingAt = offset;
  }

  /** Where the next chunk checked sits in the file. */
  get position(): number {
    return this.offset;
  }

  check(chunk: Uint8Array): void {
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      throw new ProfileError(
        'not_tabular',
        `the file holds binary data (a NUL byte at offset ${this.offset + nul}); expected CSV, TSV, JSON or NDJSON text`,
        [`byte ${this.offset + nul}: NUL`],
        this.offset + nul,
      );
    }
    let start = 0;
    if (this.pendingLength > 0) {
      const need = sequenceLength(this.pending[0]!) - this.pendingLength;
      const take = Math.min(need, chunk.length);
      this.pending.set(chunk.subarray(0, take), this.pendingLength);
      this.pendingLength += take;
      start = take;
      if (take < need) {
        this.offset += chunk.length;
        return;
      }
      if (!isUtf8(this.pending.subarray(0, this.pendingLength))) this.fail(this.pendingAt, this.pending.subarray(0, this.pendingLength));
      this.pendingLength = 0;
    }
    const end = completeUpTo(chunk, start);
    const body = chunk.subarray(start, end);
    if (!isUtf8(body)) this.fail(this.offset + start, body);
    this.pending.set(chunk.subarray(end));
    this.pendingLength = chunk.length - end;
    this.pendingAt = this.offset + end;
    this.offset += chunk.length;
  }

  /** The input ended: a character still waiting for its last bytes is broken. */
  finish(): void {
    if (this.pendingLength > 0) this.fail(this.pendingAt, this.pending.subarray(0, this.pendingLength), true);
  }

  private fail(base: number, bytes: Uint8Array, atEnd = false): never {
    const at = atEnd ? 0 : Math.max(0, firstInvalidUtf8Byte(bytes));
    const offset = base + at;
    throw new ProfileError(
      'invalid_utf8',
      `the file is not valid UTF-8 (first bad byte at offset ${offset})`,
      [`byte ${offset}: 0x${bytes[at]!.toString(16).padStart(2, '0')} ${atEnd ? 'starts a character the file ends before completing' : 'is not valid UTF-8'}`],
      offset,
    );
  }
}

/** Bytes a character starting with `lead` takes (1 for anything that is not a multi-byte lead; the check rejects those). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Where the chunk's last complete character ends: a trailing lead byte missing its continuation bytes is left out. */
function completeUpTo(chunk: Uint8Array, start: number): number {
  const end = chunk.length;
  for (let i = end - 1; i >= Math.max(start, end - 3); i--) {
    const b = chunk[i]!;
    if ((b & 0xc0) === 0x80) continue;
    return b >= 0xc0 && i + sequenceLength(b) > end ? i : end;
  }
  return end;
}
