/** One CSV line (RFC 4180 quoting) for values that may hold commas, quotes or newlines. */
export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map((v) => (v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\n`;
}
