import { SeededRandom } from '#domain/randomness/seeded-random.js';

/** Columns of the generated table and the DuckDB types that read them. */
export const GENERATED_COLUMNS = {
  id: 'BIGINT',
  qty: 'BIGINT',
  price: 'DOUBLE',
  reading: 'DOUBLE',
  label: 'VARCHAR',
  flag: 'BOOLEAN',
  seen_at: 'TIMESTAMP',
  mixed: 'VARCHAR',
  city: 'VARCHAR',
} as const;

const LABELS = ['plain', 'Zoë', 'São Paulo', '東京', 'naïve café', 'emoji 🚗💨', 'comma, inside', 'quote "inside"', 'line\nbreak', 'tab\there', 'Ωmega', ''];
const CITIES = ['Lisbon', 'Kraków', 'Zürich', 'Reykjavík', 'Malmö', 'İstanbul', 'Αθήνα', 'Москва'];

/** A CSV field: quoted when it holds a delimiter, a quote or a line break, as RFC 4180 asks. */
function field(value: string, delimiter: string): string {
  return /["\n\r]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Rows of a deterministic table with what real files have: missing values, a mixed column,
 * quoted fields holding delimiters, quotes and line breaks, non-ASCII text, a float column far
 * from zero (where naive variance cancels), and some rows repeated verbatim.
 */
export function generatedRows(rows: number, seed: number): string[][] {
  const random = new SeededRandom(seed);
  const out: string[][] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    if (i > 10 && random.next() < 0.004) {
      out.push([...out[random.integer(0, out.length - 1)]!]);
      continue;
    }
    const missing = () => random.next() < 0.07;
    const seen = new Date(start + random.integer(0, 400 * 86_400) * 1000).toISOString().slice(0, 19).replace('T', ' ');
    const mixedRoll = random.next();
    out.push([
      String(i + 1),
      missing() ? '' : String(random.integer(0, 40)),
      missing() ? '' : random.normal(120, 35).toFixed(random.integer(0, 4)),
      String(1e9 + random.next() * 1000).slice(0, 15),
      missing() ? '' : random.pick(LABELS) + (random.next() < 0.5 ? '' : ` ${random.integer(0, 50)}`),
      missing() ? '' : random.pick(['true', 'false', 'TRUE']),
      missing() ? '' : seen,
      mixedRoll < 0.05 ? 'n/a' : mixedRoll < 0.1 ? '' : String(random.integer(-500, 500)),
      random.pick(CITIES),
    ]);
  }
  return out;
}

export function toDelimited(rows: string[][], delimiter = ','): string {
  const header = Object.keys(GENERATED_COLUMNS).join(delimiter);
  return `${header}\n${rows.map((row) => row.map((v) => field(v, delimiter)).join(delimiter)).join('\n')}\n`;
}

/** The same rows as NDJSON: missing values are absent keys or nulls, numbers are numbers. */
export function toNdjson(rows: string[][]): string {
  const names = Object.keys(GENERATED_COLUMNS);
  return rows
    .map((row, r) => {
      const record: Record<string, unknown> = {};
      row.forEach((value, c) => {
        const name = names[c]!;
        if (value === '') {
          if (r % 2 === 0) record[name] = null;
          return;
        }
        const type = GENERATED_COLUMNS[name as keyof typeof GENERATED_COLUMNS];
        record[name] = type === 'BIGINT' || type === 'DOUBLE' ? Number(value) : type === 'BOOLEAN' ? value.toLowerCase() === 'true' : value;
      });
      return JSON.stringify(record);
    })
    .join('\n');
}
