/**
 * Whether a contract's schema, generated now, breaks what was published under the same version.
 * Read from a consumer's side: what it relied on must still hold. Breaking: a field removed, a
 * field that was always there becoming optional, a type changed, a required field added (events
 * published before it no longer validate), an enum or constant value removed or changed, a
 * variant of a union removed. A new optional field, a new enum value or a new union variant is
 * not breaking.
 */
type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const typesOf = (schema: Schema): string[] => (schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type).map(String).sort());
const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const valuesOf = (schema: Schema): unknown[] | undefined =>
  schema.enum !== undefined ? (schema.enum as unknown[]) : 'const' in schema ? [schema.const] : undefined;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function breakingChanges(published: unknown, current: unknown, path = '(detail)'): string[] {
  if (!isSchema(published) || !isSchema(current)) return same(published, current) ? [] : [`${path}: the schema changed`];
  const problems: string[] = [];
  const [wasTypes, nowTypes] = [typesOf(published), typesOf(current)];
  if (wasTypes.length && !same(wasTypes, nowTypes)) problems.push(`${path}: type changed from ${wasTypes.join('|')} to ${nowTypes.join('|') || 'anything'}`);

  const [wasValues, nowValues] = [valuesOf(published), valuesOf(current)];
  if (wasValues) {
    const removed = nowValues === undefined ? [] : wasValues.filter((v) => !nowValues.some((n) => same(n, v)));
    if (removed.length) problems.push(`${path}: value${removed.length === 1 ? '' : 's'} ${removed.map((v) => JSON.stringify(v)).join(', ')} removed`);
  }

  const wasProperties = isSchema(published.properties) ? published.properties : {};
  const nowProperties = isSchema(current.properties) ? current.properties : {};
  const [wasRequired, nowRequired] = [stringsOf(published.required), stringsOf(current.required)];
  for (const [name, schema] of Object.entries(wasProperties)) {
    const at = `${path}.${name}`;
    if (!(name in nowProperties)) {
      problems.push(`${at}: field removed`);
      continue;
    }
    if (wasRequired.includes(name) && !nowRequired.includes(name)) problems.push(`${at}: was always present, now optional`);
    problems.push(...breakingChanges(schema, nowProperties[name], at));
  }
  for (const name of nowRequired) if (!wasRequired.includes(name)) problems.push(`${path}.${name}: required field added`);

  if (isSchema(published.items)) problems.push(...breakingChanges(published.items, current.items, `${path}[]`));
  if (isSchema(published.additionalProperties)) problems.push(...breakingChanges(published.additionalProperties, current.additionalProperties, `${path}.*`));

  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const was = Array.isArray(published[keyword]) ? (published[keyword] as unknown[]) : [];
    const now = Array.isArray(current[keyword]) ? (current[keyword] as unknown[]) : [];
    // A variant survives when some variant now accepts everything it did.
    was.forEach((variant, index) => {
      if (!now.some((candidate) => breakingChanges(variant, candidate).length === 0))
        problems.push(`${path} (${keyword} variant ${index + 1}): variant removed or changed`);
    });
  }
  return problems;
}
