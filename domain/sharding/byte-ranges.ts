/** A shard's nominal share of a file: [start, end) in bytes, before it is moved to record boundaries. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Cuts `size` bytes into ranges of about `targetBytes` each, all within a byte of each other in
 * length (the remainder is spread over them rather than left as a small last shard, which would
 * otherwise finish early and leave a worker idle).
 */
export function planByteRanges(size: number, targetBytes: number): ByteRange[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`a file size must be a whole number of bytes, not ${size}`);
  if (!Number.isSafeInteger(targetBytes) || targetBytes < 1) throw new RangeError(`a shard size must be at least one byte, not ${targetBytes}`);
  if (size === 0) return [{ start: 0, end: 0 }];
  const count = Math.max(1, Math.round(size / targetBytes));
  const ranges: ByteRange[] = [];
  for (let i = 0; i < count; i++) ranges.push({ start: Math.floor((size * i) / count), end: Math.floor((size * (i + 1)) / count) });
  return ranges;
}
