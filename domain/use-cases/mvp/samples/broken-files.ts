import { SeededRandom } from '#domain/randomness/seeded-random.js';

/*
 * Files that must be turned away. The defect always sits on the same line whatever the seed,
 * so a description (and a test) can name it; only the surrounding values vary.
 */

function contactLine(random: SeededRandom, id: number): string {
  return `${id},${random.pick(['Ana', 'Björn', 'Chloé', 'Dmitri'])},${random.integer(18, 90)},${random.pick(['Lisboa', 'Zürich', 'Kraków'])}`;
}

/** Line 7 lacks a field (after a quoted note spanning lines 3-4), line 10 has one too many. */
export function raggedCsv(seed: number): string {
  const random = new SeededRandom(seed);
  return [
    'id,name,age,city',
    contactLine(random, 1),
    `2,"Ana\nMaria",${random.integer(18, 90)},Lisboa`,
    contactLine(random, 3),
    contactLine(random, 4),
    `5,Björn,${random.integer(18, 90)}`,
    contactLine(random, 6),
    contactLine(random, 7),
    `8,Chloé,${random.integer(18, 90)},Zürich,extra`,
    contactLine(random, 9),
    '',
  ].join('\n');
}

/** A quote opened on line 5 and never closed, so the rest of the file is one field. */
export function unterminatedQuoteCsv(seed: number): string {
  const random = new SeededRandom(seed);
  return [
    'id,name,age,city',
    contactLine(random, 1),
    contactLine(random, 2),
    contactLine(random, 3),
    `4,"Dmitri,${random.integer(18, 90)},Kraków`,
    contactLine(random, 5),
    '',
  ].join('\n');
}

/** Sensor readings exported without their header line: line 1 is already data. */
export function headerlessCsv(seed: number): string {
  const random = new SeededRandom(seed);
  const lines = Array.from({ length: 12 }, (_, i) => `${1_000 + i},${random.between(15, 30).toFixed(2)},${random.integer(20, 80)}`);
  return `${lines.join('\n')}\n`;
}

/** A CSV whose third line holds raw bytes (NULs), as when a binary blob is pasted into a cell. */
export function binaryCsv(seed: number): string {
  const random = new SeededRandom(seed);
  return ['id,name,age,city', contactLine(random, 1), '2,\u0000\u0000\u0001\u0002\u0003\u00ff,\u0000', contactLine(random, 3), ''].join('\n');
}
