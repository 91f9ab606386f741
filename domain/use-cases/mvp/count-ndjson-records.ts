/** Records in NDJSON bytes: one per newline-terminated line, plus an unterminated last line. */
export function countNdjsonRecords(bytes: Uint8Array): number {
  let lines = 0;
  for (const byte of bytes) if (byte === 0x0a) lines++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? lines + 1 : lines;
}
