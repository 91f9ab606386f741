import { containerOf } from '#domain/inputs/input-container.js';
import { sniffFormat } from '#domain/profiling/sniff-format.js';

export type Sharding = { splittable: true; format: 'csv' | 'tsv' | 'ndjson'; delimiter: number } | { splittable: false; format: string; because: string };

/**
 * Whether a file can be read as byte ranges, by the format rule every reader applies. Delimited
 * text and NDJSON split at line starts (an NDJSON line cannot hold a raw line break, so its
 * guesses are never wrong); a JSON array is one value and a compressed stream cannot be entered
 * mid-way, so each is read as a single shard.
 */
export function howToShard(head: Uint8Array, complete: boolean): Sharding {
  const container = containerOf(head);
  if (container !== 'none') return { splittable: false, format: container, because: `a ${container} stream can only be read from its start` };
  const sniffed = sniffFormat(head, complete);
  if (!('delimiter' in sniffed)) {
    if (sniffed.format === 'json') return { splittable: false, format: 'json', because: 'a JSON array is one value, read from its start' };
    // NUL never appears in JSON text, so each NDJSON line reads as one field.
    return { splittable: true, format: 'ndjson', delimiter: 0x00 };
  }
  return { splittable: true, format: sniffed.format, delimiter: sniffed.delimiter };
}
