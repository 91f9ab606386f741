/**
 * The order a java.util.HashSet<String> built with default settings yields its strings, given the
 * order they were added in (duplicates already removed): by hash bucket, then by insertion within a
 * bucket, which resizing preserves. Eight strings in one bucket make Java resize early or build a
 * tree; neither is modelled.
 */
export function javaHashSetOrder(texts: readonly string[]): string[] {
  let buckets = 16;
  while (texts.length > buckets * 0.75) buckets *= 2;
  return texts
    .map((text, order) => ({ text, order, bucket: spreadHash(text) & (buckets - 1) }))
    .sort((a, b) => a.bucket - b.bucket || a.order - b.order)
    .map((entry) => entry.text);
}

/** java.lang.String#hashCode, then the bit-spreading java.util.HashMap applies before bucketing. */
function spreadHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash ^ (hash >>> 16);
}
