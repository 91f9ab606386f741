import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { sampleAmount, sampleDate, type SampleRecord } from './sample-record.js';

const ADJECTIVES = ['Café', 'Nordic', 'Crème', 'Alpine', 'Señorita', 'Classic'];
const NOUNS = ['mug', 'blanket', 'lamp', 'notebook', 'teapot', 'backpack'];

/** A product catalogue as a JSON array; some weights are unknown (null). */
export function productRecords(seed: number, count: number): SampleRecord[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${String(i + 1).padStart(4, '0')}`,
    name: `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`,
    price: sampleAmount(random.integer(99, 25_000)),
    in_stock: random.next() < 0.7,
    released: sampleDate(random.integer(0, 900)),
    weight_kg: random.next() < 0.25 ? null : random.integer(1, 9_000) / 1000,
  }));
}
