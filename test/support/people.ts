/**
 * Made-up people with every kind of personal data a report must not show: names (some written
 * "LAST, FIRST"), e-mail addresses, phone numbers in several notations and SSN-shaped national
 * ids. Deterministic, so a failing test names the same person every run.
 */
export interface Person {
  name: string;
  email: string;
  phone: string;
  nationalId: string;
}

const FIRST = ['Maren', 'Tobias', 'Ingrid', 'Kasimir', 'Odile', 'Rasmus', 'Yelena', 'Bertrand', 'Sunniva', 'Lorcan'];
const LAST = ['Halvorsen', 'Quintero', 'Abernathy', 'Vasquez', 'Lindqvist', 'Okonkwo', 'Duchesne', 'Marchetti'];

export function people(count: number): Person[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 3 + Math.floor(i / FIRST.length)) % LAST.length]!;
    const serial = String(1000 + i * 37).padStart(4, '0');
    const area = 200 + ((i * 53) % 700);
    return {
      name: i % 3 === 0 ? `${last.toUpperCase()}, ${first.toUpperCase()}` : `${first} ${last}`,
      email: `${first}.${last}${i}@mail-${i % 4}.example.org`.toLowerCase(),
      phone: [`(${area}) 555-${serial}`, `${area}-555-${serial}`, `+1 ${area} 555 ${serial}`][i % 3]!,
      nationalId: `${String(100 + ((i * 71) % 800))}-${String(10 + ((i * 13) % 89))}-${serial}`,
    };
  });
}

/** Every string of theirs that must not appear anywhere. */
export function personalStrings(list: readonly Person[]): string[] {
  return list.flatMap((p) => [p.name, p.email, p.phone, p.nationalId]);
}
