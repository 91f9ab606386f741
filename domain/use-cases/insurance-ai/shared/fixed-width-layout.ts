/**
 * Fixed-width extracts declare their layout in the file itself, on the first line:
 *
 *     #layout policy_number:1-10,holder_name:11-40,premium:116-125:v2,...
 *
 * Each field is `name:start-end`, 1-based inclusive character columns (code points, not
 * bytes, so accented names do not shift the columns after them), optionally followed by `:vN`
 * for N implied decimals (COBOL `PIC 9(n)VNN`). Fields may come in any order and may leave
 * gaps (filler) but may not overlap; fields the extract does not need are ignored. A file is
 * fixed-width exactly when it starts with `#layout`; every later line that is neither blank nor
 * a `#` comment is a record and must reach the layout's last column (else `layout_mismatch`).
 */
export interface LayoutField {
  name: string;
  start: number;
  end: number;
  impliedDecimals: number;
}

export interface Layout {
  fields: LayoutField[];
  /** The last column any field uses: the shortest a record line may be. */
  width: number;
}

export const LAYOUT_PREFIX = '#layout';

const FIELD = /^([A-Za-z][A-Za-z0-9_ -]*):(\d+)-(\d+)(?::[vV](\d+))?$/;

export function startsWithLayout(text: string): boolean {
  return text.trimStart().toLowerCase().startsWith(LAYOUT_PREFIX);
}

/** The layout, or the problems with its declaration (each naming the offending field). */
export function parseLayoutDeclaration(line: string, canonical: (name: string) => string): { layout: Layout } | { problems: string[] } {
  const declaration = line.trim().slice(LAYOUT_PREFIX.length).trim();
  if (declaration === '') return { problems: ['the #layout line declares no fields'] };
  const problems: string[] = [];
  const fields: LayoutField[] = [];
  declaration.split(',').forEach((spec, index) => {
    const text = spec.trim();
    const m = FIELD.exec(text);
    if (!m) {
      problems.push(`field ${index + 1} "${text}" is not name:start-end or name:start-end:vN`);
      return;
    }
    const field = { name: canonical(m[1]!), start: Number(m[2]), end: Number(m[3]), impliedDecimals: m[4] === undefined ? 0 : Number(m[4]) };
    if (field.start < 1) problems.push(`field "${field.name}" starts at column ${field.start}; columns start at 1`);
    else if (field.end < field.start) problems.push(`field "${field.name}" ends (${field.end}) before it starts (${field.start})`);
    else if (field.impliedDecimals >= field.end - field.start + 1)
      problems.push(`field "${field.name}" declares ${field.impliedDecimals} implied decimals in ${field.end - field.start + 1} columns`);
    else fields.push(field);
  });
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.name)) problems.push(`field "${field.name}" is declared twice`);
    seen.add(field.name);
  }
  const byStart = [...fields].sort((a, b) => a.start - b.start);
  for (let i = 1; i < byStart.length; i++) {
    const [previous, current] = [byStart[i - 1]!, byStart[i]!];
    if (current.start <= previous.end)
      problems.push(`fields "${previous.name}" (${previous.start}-${previous.end}) and "${current.name}" (${current.start}-${current.end}) overlap`);
  }
  if (problems.length > 0) return { problems };
  return { layout: { fields, width: Math.max(...fields.map((f) => f.end)) } };
}

/** Characters of a line as code points, so columns count characters whatever their UTF-8 length. */
export function lineCharacters(line: string): string[] {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(line) ? line.split('') : Array.from(line);
}

export function sliceField(characters: readonly string[], field: LayoutField): string {
  return characters
    .slice(field.start - 1, field.end)
    .join('')
    .trim();
}
