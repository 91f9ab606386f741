/** Levenshtein distance: the fewest inserted, deleted or replaced characters that turn a into b. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The known name a mistyped one most likely meant, for "did you mean": the nearest at most two
 * edits away (ties go to the first listed), else with `prefixes` the only name the typed one
 * begins (`--data` for `--data-dir`). Undefined when nothing is close: a wild guess helps no one.
 */
export function closestName(typed: string, names: readonly string[], options: { prefixes?: boolean } = {}): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(typed, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return best.name;
  if (!options.prefixes || typed.length < 3) return undefined;
  const extended = names.filter((name) => name.startsWith(typed));
  return extended.length === 1 ? extended[0] : undefined;
}
