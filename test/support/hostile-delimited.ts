import { SeededRandom } from '#domain/randomness/seeded-random.js';
import type { ShardInput } from '#domain/sharding/shard-chain.js';

/** The input in chunks of 1-61 bytes from a seed, so rows are cut at every kind of place. */
export function inputOf(bytes: Uint8Array, seed: number): ShardInput {
  return {
    size: bytes.length,
    async *bytesFrom(offset) {
      const random = new SeededRandom(seed + offset);
      for (let at = offset; at < bytes.length;) {
        const next = Math.min(bytes.length, at + random.integer(1, 61));
        yield bytes.subarray(at, next);
        at = next;
      }
    },
  };
}

/** Fields other teams' exports hold: quoted delimiters and line breaks of every kind, doubled quotes, stray quotes, text that looks like rows. */
function hostileField(random: SeededRandom, delimiter: string): string {
  switch (random.integer(0, 11)) {
    case 0:
      return '';
    case 1:
      return String(random.integer(-5000, 5000));
    case 2:
      return `"a${delimiter}b"`;
    case 3:
      return '"first line\nsecond line"';
    case 4:
      return '"windows\r\nbreak"';
    case 5:
      return '"old mac\rbreak"';
    case 6:
      return '"she said ""hi"" twice"';
    case 7:
      return `"looks like rows\n1${delimiter}2${delimiter}3\n4${delimiter}"`;
    case 8:
      return random.pick(['Zürich', 'São Paulo', '東京都', 'naïve café', '🚚 depot']);
    case 9:
      return '5" pipe';
    case 10:
      return '"\n\n"';
    default:
      return random.pick(['alpha', 'Bravo Ltd', ' padded ', 'x']);
  }
}

export function hostileFile(seed: number, delimiter: string, rows: number): Uint8Array {
  const random = new SeededRandom(seed);
  const columns = random.integer(2, 5);
  const lineEnd = () => random.pick(['\n', '\n', '\r\n', '\n\n']);
  let text = `${Array.from({ length: columns }, (_, c) => `col ${c}`).join(delimiter)}${lineEnd()}`;
  for (let r = 0; r < rows; r++) {
    text += Array.from({ length: columns }, () => hostileField(random, delimiter)).join(delimiter);
    if (r < rows - 1 || random.next() < 0.5) text += lineEnd();
  }
  return new TextEncoder().encode(text);
}
