/**
 * A header as a comparable name: camelCase split, lower-cased, every run of other characters an
 * underscore. `Speed (km/h)`, `speedKmH` and `SPEED-KMH` become `speed_km_h`, `speed_km_h` and
 * `speed_kmh`; `²` counts as `2` so `accel m/s²` becomes `accel_m_s2`.
 */
export function normalizeColumnName(name: string): string {
  return (
    name
      .trim()
      // Accents dropped, so `Länge` and `Lange` are one name; `ß` is written `ss`, as German does without it.
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace(/²/g, '2')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
  );
}

/** Whether `inner`'s tokens appear, in order and adjacent, among `outer`'s: `lat` is in `gps_lat_deg`. */
export function containsTokens(outer: string, inner: string): boolean {
  if (inner === '') return false;
  return `_${outer}_`.includes(`_${inner}_`);
}

/** Levenshtein similarity in 0..1 between two normalised names, for "did you mean" lists. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length]! / longest;
}
