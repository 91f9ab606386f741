import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { sampleAmount, sampleDate, type SampleRecord } from './sample-record.js';

// Names beyond ASCII on purpose: the journey must carry them through byte for byte.
const GIVEN = ['Ana', 'José', 'Zoë', 'Søren', 'Łukasz', 'Chloé', 'Mei', 'Oluwaseun', 'Björn', 'Priya', 'Ngọc', 'Émile', 'Fatma', 'Siobhán', 'Dmitri'];
const FAMILY = [
  'García',
  'Müller',
  'Kierkegaard',
  'Wójcik',
  'Dubois',
  'Chen',
  'Adeyemi',
  'Ångström',
  'Iyer',
  'Trần',
  "O'Brien",
  'Yılmaz',
  'Núñez',
  'Smith',
  '山田',
];
const CITIES = ['Lisboa', 'München', 'Kraków', 'São Paulo', 'Zürich', 'Reykjavík', 'Lagos', 'Montréal', 'Chennai', 'Hà Nội'];
const STREETS = ['Rua Augusta', 'Hauptstraße', 'Rue de Rivoli', 'Baker Street', 'Calle Mayor', 'Main Street'];
const NOTES = ['prefers email, not phone', 'VIP; renewal due', 'asked for "paper" invoices', 'moved, update address', 'referred by a friend'];

/** A customer list: quoted commas and line breaks in addresses, empty notes, mixed-width amounts. */
export function customerRecords(seed: number, count: number): SampleRecord[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const given = random.pick(GIVEN);
    const family = random.pick(FAMILY);
    const street = `${random.integer(1, 240)} ${random.pick(STREETS)}`;
    // A third of the addresses have a second line, which puts a line break inside a quoted field.
    const address = random.next() < 0.33 ? `${street}\nApt ${random.integer(1, 60)}, ${random.pick(CITIES)}` : `${street}, ${random.pick(CITIES)}`;
    // Whole-number amounts next to decimal ones: the column must widen from integer to float.
    const cents = random.next() < 0.2 ? random.integer(1, 50) * 10_000 : random.integer(0, 2_000_000);
    return {
      customer_id: 10_001 + i,
      full_name: `${given} ${family}`,
      email: `customer${10_001 + i}@example.com`,
      address,
      signup_date: sampleDate(random.integer(0, 700)),
      lifetime_value: sampleAmount(cents),
      is_active: random.next() < 0.8,
      notes: random.next() < 0.6 ? null : random.pick(NOTES),
    };
  });
}
