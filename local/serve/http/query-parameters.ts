import { badRequest } from './http-error.js';

/** The query's parameters, refusing any the endpoint does not know and any given twice. */
export function queryParameters(url: URL, known: readonly string[], endpoint: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    if (!known.includes(name)) throw badRequest('unknown_parameter', `${endpoint} does not know the parameter "${name}"; it takes: ${known.join(', ')}`);
    if (values.has(name)) throw badRequest('repeated_parameter', `the parameter "${name}" is given more than once`);
    values.set(name, value);
  }
  return values;
}

export function booleanParameter(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw badRequest('bad_parameter', `${name} must be true or false, not "${value}"`);
}

export function integerParameter(name: string, value: string | undefined, range: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < range.min || n > range.max)
    throw badRequest('bad_parameter', `${name} must be a whole number from ${range.min} to ${range.max}, not "${value}"`);
  return n;
}
