import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { sampleAmount, sampleDatetime, type SampleRecord } from './sample-record.js';

const STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'returned'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'BRL'];

/**
 * Orders as a TSV export. `fax` is empty in every row, as legacy exports often are, which the
 * completion notice must warn about.
 */
export function orderRecords(seed: number, count: number): SampleRecord[] {
  const random = new SeededRandom(seed);
  let minutes = 0;
  return Array.from({ length: count }, (_, i) => {
    minutes += random.integer(1, 600);
    return {
      order_id: 500_001 + i,
      customer_id: random.integer(10_001, 10_300),
      ordered_at: sampleDatetime(minutes),
      amount: sampleAmount(random.integer(199, 99_999)),
      currency: random.pick(CURRENCIES),
      status: random.pick(STATUSES),
      fax: null,
    };
  });
}
