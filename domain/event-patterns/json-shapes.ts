/** Type guards for walking parsed JSON without trusting its shape. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How Jackson would print the token event-ruler was looking at when it complained. Containers
 * show their opening bracket; a missing element (the array already ended) shows "]".
 */
export function tokenText(value: unknown): string {
  if (value === undefined) return ']';
  if (Array.isArray(value)) return '[';
  if (isJsonObject(value)) return '{';
  return String(value);
}
