/**
 * Percentages with two decimals that add up to exactly 100 (largest-remainder rounding), so a
 * coverage table never shows a total of 99.99. All zeros when the total is zero.
 */
export function percentShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c / total) * 10_000);
  const floors = exact.map(Math.floor);
  let missing = 10_000 - floors.reduce((sum, f) => sum + f, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - floors[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index] = floors[index]! + 1;
    missing--;
  }
  return floors.map((hundredths) => hundredths / 100);
}
