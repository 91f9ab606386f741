/** The figures of a profile (as `symphainy profile --json` prints them, or profile.json holds them) that a sharded read must get right. */
export interface ComparedProfile {
  rows: number;
  columns: { name: string; count: number; nulls: number; distinct: number; min: unknown; max: unknown; mean?: number | null }[];
}

/**
 * Where a profile read in shards differs from the one-pass one beyond what it states: counts,
 * nulls and extremes must be equal, means equal to 9 digits, distinct counts within 3 standard
 * errors of the HyperLogLog (1.04/256 of them). Empty when they agree.
 */
export function profileDifferences(sharded: ComparedProfile, whole: ComparedProfile): string[] {
  const differences: string[] = [];
  if (sharded.rows !== whole.rows) differences.push(`rows ${sharded.rows} vs ${whole.rows}`);
  whole.columns.forEach((one, c) => {
    const merged = sharded.columns[c];
    if (!merged || merged.name !== one.name) return void differences.push(`column ${c} is ${merged?.name} vs ${one.name}`);
    for (const key of ['count', 'nulls', 'min', 'max'] as const)
      if (merged[key] !== one[key]) differences.push(`${one.name}.${key} ${String(merged[key])} vs ${String(one[key])}`);
    if (typeof one.mean === 'number' && Math.abs(merged.mean! - one.mean) > 1e-9 * Math.max(1, Math.abs(one.mean)))
      differences.push(`${one.name}.mean ${merged.mean} vs ${one.mean}`);
    if (Math.abs(merged.distinct - one.distinct) > 3 * (1.04 / 256) * one.distinct + 1)
      differences.push(`${one.name}.distinct ${merged.distinct} vs ${one.distinct}`);
  });
  return differences;
}
