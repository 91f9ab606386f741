import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { sampleAmount, sampleDatetime, type SampleRecord } from './sample-record.js';

const KINDS = ['page_view', 'add_to_cart', 'checkout', 'refund'];

/** Click-stream events; only purchases carry an amount, so that field is missing from most lines. */
export function eventRecords(seed: number, count: number): SampleRecord[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = random.pick(KINDS);
    const paid = kind === 'checkout' || kind === 'refund';
    return {
      event_id: `evt-${String(i + 1).padStart(6, '0')}`,
      customer_id: random.integer(10_001, 10_300),
      kind,
      occurred_at: sampleDatetime(i * 7 + random.integer(0, 6)),
      amount: paid ? sampleAmount(random.integer(100, 50_000) * (kind === 'refund' ? -1 : 1)) : null,
      mobile: random.next() < 0.5,
    };
  });
}
