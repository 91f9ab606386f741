/**
 * Percentile by linear interpolation between closest ranks (numpy's default), so small
 * hand-made examples have answers one can check on paper. `sorted` must be ascending.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export interface Descriptive {
  mean: number;
  min: number;
  max: number;
  /** Population standard deviation. */
  stdDev: number;
}

export function describe(values: readonly number[]): Descriptive {
  if (values.length === 0) return { mean: 0, min: 0, max: 0, stdDev: 0 };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, min, max, stdDev: Math.sqrt(squares / values.length) };
}
