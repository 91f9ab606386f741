/** The value at a field path of an event (`['detail', 'object', 'key']`); undefined when absent. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const field of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[field];
  }
  return at;
}
