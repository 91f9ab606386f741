/** The k-th smallest (0-based) of values[0, n), by quickselect on a scratch copy (values stay as they are). */
export function selectKth(values: Float64Array, n: number, k: number, scratch: Float64Array): number {
  const a = scratch.length >= n ? scratch : new Float64Array(n);
  a.set(values.subarray(0, n));
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
