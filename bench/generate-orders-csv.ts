import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { writeCsvLines } from './write-csv-lines.js';

/** An order-book export as a shop's ERP would write it (about 120 bytes a row): not our samples' shape. */
export const ORDERS_HEADER = 'Order Ref,Placed At (UTC),Customer Name,Ship-To City,Net Amount EUR,Units,Channel,Discount Code,Note';

const CITIES = ['Lyon', 'Graz', 'Porto', 'Gdańsk', 'Malmö', 'Zürich', 'Île-de-France', 'Bilbao'];
const CHANNELS = ['web', 'store', 'phone', 'marketplace'];
const NOTES = ['', '', '', 'leave at door', '"fragile, handle with care"', 'gift wrap'];
const START_MS = Date.UTC(2025, 0, 1);

/** Writes `rows` deterministic order rows to `path` (CRLF, as Windows exports have them); resolves with the bytes written. */
export function writeOrdersCsv(path: string, rows: number, seed = 7): Promise<number> {
  const random = new SeededRandom(seed);
  let at = START_MS;
  return writeCsvLines(
    path,
    ORDERS_HEADER,
    rows,
    (i) => {
      at += random.integer(1_000, 90_000);
      return [
        `SO-${String(i + 1).padStart(9, '0')}`,
        new Date(at).toISOString(),
        `"${random.pick(['Dupont', 'Novak', 'Silva', 'Berg', 'Rossi'])}, ${random.pick(['A.', 'M.', 'J.', 'K.'])}"`,
        random.pick(CITIES),
        random.between(3, 2400).toFixed(2),
        random.integer(1, 40),
        random.pick(CHANNELS),
        random.next() < 0.2 ? `SPRING${random.integer(10, 30)}` : '',
        random.pick(NOTES),
      ].join(',');
    },
    '\r\n',
  );
}
