/**
 * Number wording for evidence text and the report. The locale is fixed so the same profile
 * always yields the same bytes, whatever machine renders it.
 */
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

export function formatCount(n: number): string {
  return counts.format(n);
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e15 || Math.abs(x) < 1e-4)) return x.toExponential(3);
  return significant.format(x);
}

/** A share in [0, 1] as a percentage; tiny non-zero shares are not rounded away to "0%". */
export function formatPercent(share: number): string {
  const pct = share * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  if (pct < 100 && pct > 99.9) return '>99.9%';
  return `${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) if (ms >= size) return `${formatNumber(ms / size)} ${unit}`;
  return `${formatNumber(ms)} ms`;
}

/** Rounds for JSON artifacts: enough digits to act on, no floating-point noise. */
export function roundTo(x: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(x * factor) / factor;
}
