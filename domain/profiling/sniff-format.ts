/** What the first bytes of the text say the format is. */
export type SniffedFormat = { format: 'json' | 'ndjson' } | { format: 'csv' | 'tsv'; delimiter: number };

const CANDIDATES = [0x2c, 0x09, 0x3b, 0x7c]; // , tab ; |
const QUOTE = 0x22;
const LINES_LOOKED_AT = 50;

/**
 * Recognises the format from content, never the file name: `[` opens a JSON array, `{` NDJSON;
 * otherwise delimited text whose delimiter is the candidate that splits the first lines into
 * the same number of fields (outside quotes) most consistently, the most fields winning a tie.
 * `complete` says whether `sample` is the whole text (else its last line may be cut).
 */
export function sniffFormat(sample: Uint8Array, complete: boolean): SniffedFormat {
  let i = 0;
  while (i < sample.length && (sample[i] === 0x20 || sample[i] === 0x09 || sample[i] === 0x0a || sample[i] === 0x0d)) i++;
  if (sample[i] === 0x5b) return { format: 'json' };
  if (sample[i] === 0x7b) return { format: 'ndjson' };
  let best = { delimiter: CANDIDATES[0]!, score: -1 };
  for (const delimiter of CANDIDATES) {
    const counts = fieldsPerLine(sample, i, delimiter, complete);
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const agreeing = counts.filter((c) => c === header).length / counts.length;
    const score = agreeing * 1_000_000 + header;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter === 0x09 ? { format: 'tsv', delimiter: 0x09 } : { format: 'csv', delimiter: best.delimiter };
}

function fieldsPerLine(sample: Uint8Array, from: number, delimiter: number, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let blank = true;
  for (let i = from; i < sample.length && counts.length < LINES_LOOKED_AT; i++) {
    const b = sample[i]!;
    if (b === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (b === delimiter) fields++;
    else if (b === 0x0a || b === 0x0d) {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
      continue;
    }
    blank = false;
  }
  if (complete && !blank && counts.length < LINES_LOOKED_AT) counts.push(fields);
  return counts;
}
