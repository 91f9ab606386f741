const decoder = new TextDecoder('utf-8');

/** bytes[start, end) as a string; short ASCII runs skip the decoder's per-call cost. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number, ascii: boolean): string {
  if (ascii && end - start <= 24) {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
    return text;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** Compares byte strings the way UTF-8 orders code points (and DuckDB orders VARCHAR). */
export function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < n; i++) {
    const d = a[aStart + i]! - b[bStart + i]!;
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}
