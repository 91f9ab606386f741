import { StepRejection } from '#domain/rejections/step-rejection.js';

export interface DecodedText {
  text: string;
  hadBom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Turns uploaded bytes into text, refusing what is not UTF-8 text with the line where it breaks.
 * Binary is recognised by NUL bytes, which no text format we accept contains.
 */
export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  if (bytes.byteLength === 0) throw new StepRejection('empty_file', 'the file is empty', ['line 1: the file has no content']);
  const hadBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hadBom ? bytes.subarray(3) : bytes;
  if (body.byteLength === 0) throw new StepRejection('empty_file', 'the file holds only a byte-order mark', ['line 1: the file has no content']);
  const nul = body.indexOf(0);
  if (nul !== -1) {
    throw new StepRejection('binary_file', `the file holds binary data (a NUL byte at offset ${nul}); expected CSV, TSV, JSON or NDJSON text`, [
      `line ${lineAtByte(body, nul)}: NUL byte`,
    ]);
  }
  const invalidAt = firstInvalidUtf8Byte(body);
  if (invalidAt !== -1) {
    throw new StepRejection('invalid_utf8', `the file is not valid UTF-8 (first bad byte at offset ${invalidAt + (hadBom ? 3 : 0)})`, [
      `line ${lineAtByte(body, invalidAt)}: byte 0x${body[invalidAt]!.toString(16).padStart(2, '0')} is not valid UTF-8`,
    ]);
  }
  const text = new TextDecoder('utf-8').decode(body);
  if (text.trim().length === 0) throw new StepRejection('empty_file', 'the file holds only whitespace', ['line 1: the file has no content']);
  return { text, hadBom };
}

/** Counts line breaks the way LineIndex does (`\n`, `\r\n`, lone `\r`), on bytes that may not decode. */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

/** Index of the first byte that breaks UTF-8 (overlongs and surrogates included), or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
