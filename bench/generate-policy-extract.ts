import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { writeCsvLines } from './write-csv-lines.js';

/**
 * A policy administration system's combined extract, not our samples' shape: pipe-delimited,
 * upper-case abbreviated column names, US dates, amounts with two decimals, one line per claim
 * and one per claim-free policy (about 150 bytes a line). Policies are consistent across their
 * lines and every claim follows its policy's start, so the upload journey accepts it.
 */
export const POLICY_EXTRACT_HEADER = 'POLICY_NUM|INSURED|TIN|E_MAIL|TEL|LOB|ST|EFF_DT|GWP|CLM_NO|LOSS_DT|CLM_AMT|RESERVE|CLM_STATUS';

const LINES = ['AUTO', 'AUTO', 'AUTO', 'HOME', 'HOME', 'LIFE', 'HLTH', 'COMM', 'UMBR'];
const STATES = ['NY', 'TX', 'CA', 'FL', 'IL', 'PA', 'OH', 'GA', 'NC', 'MI', 'WA', 'AZ'];
const FIRST = ['James', 'Mary', 'Wei', 'Fatima', 'Jose', 'Anna', 'Olu', 'Priya', 'Liam', 'Sofia', 'Kenji', 'Zoe'];
const LAST = ['Smith', 'Garcia', 'Chen', 'Okafor', 'Nguyen', 'Müller', 'Patel', "O'Brien", 'Kowalski', 'Rossi', 'Tanaka', 'Haddad'];
const STATUSES = ['PD', 'PD', 'PD', 'OP', 'CL', 'DN', 'RO'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2005, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;

function usDate(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** Writes `rows` deterministic lines to `path`; resolves with the bytes written. */
export function writePolicyExtract(path: string, rows: number, seed = 23): Promise<number> {
  const random = new SeededRandom(seed);
  let policy = 0;
  let claimsLeft = 0;
  let current: string[] = [];
  let effective = 0;
  let claim = 0;
  return writeCsvLines(path, POLICY_EXTRACT_HEADER, rows, () => {
    if (claimsLeft === 0) {
      policy++;
      // A holder keeps two or three policies now and then: the same person under one TIN.
      const holder = random.next() < 0.2 && policy > 10 ? policy - random.integer(1, 10) : policy;
      const first = FIRST[holder % FIRST.length]!;
      const last = LAST[Math.floor(holder / FIRST.length) % LAST.length]!;
      effective = random.integer(FIRST_DAY, LAST_DAY - 400);
      current = [
        `PA${String(policy).padStart(10, '0')}`,
        `${last.toUpperCase()}, ${first.toUpperCase()}`,
        `${String(100 + (holder % 800)).padStart(3, '0')}-${String(10 + (holder % 89)).padStart(2, '0')}-${String(holder % 10_000).padStart(4, '0')}`,
        `${first.toLowerCase()}.${holder}@mail.example.com`,
        `(${random.integer(201, 989)}) 555-${String(holder % 10_000).padStart(4, '0')}`,
        random.pick(LINES),
        random.pick(STATES),
        usDate(effective),
        random.between(250, 4_800).toFixed(2),
      ];
      const roll = random.next();
      claimsLeft = roll < 0.6 ? 0 : roll < 0.9 ? 1 : roll < 0.98 ? 2 : 3;
      if (claimsLeft === 0) return [...current, '', '', '', '', ''].join('|');
    }
    claimsLeft--;
    claim++;
    const loss = random.integer(effective + 1, Math.min(LAST_DAY, effective + 365 * 3));
    const paid = random.next() < 0.01 ? random.between(40_000, 250_000) : random.between(150, 12_000);
    const status = random.pick(STATUSES);
    const reserve = status === 'OP' || status === 'RO' ? random.between(0, paid) : 0;
    return [...current, `CL${String(claim).padStart(9, '0')}`, usDate(loss), paid.toFixed(2), reserve.toFixed(2), status].join('|');
  });
}
