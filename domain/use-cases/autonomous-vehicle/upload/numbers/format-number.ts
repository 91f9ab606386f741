/** 2529 -> "2,529", without toLocaleString, whose output depends on the runtime's locale data. */
export function formatCount(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatShare(count: number, total: number): string {
  return `${total === 0 ? 0 : Math.round((count / total) * 10_000) / 100}%`;
}
