/** Counts items by key, keys in sorted order so the JSON is byte-stable across runs. */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return sortedCounts(counts);
}

/** Counts already tallied, keys in sorted order. */
export function sortedCounts(counts: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => compareText(a, b)));
}

/** Code-unit order: unlike localeCompare it does not depend on the runtime's ICU locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
