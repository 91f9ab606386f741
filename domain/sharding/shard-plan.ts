import { containerOf } from '#domain/inputs/input-container.js';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { sniffFormat } from '#domain/profiling/sniff-format.js';
import { Utf8Guard } from '#domain/profiling/utf8-guard.js';

export type Sharding = { splittable: true; format: 'csv' | 'tsv' | 'ndjson'; delimiter: number } | { splittable: false; format: string; because: string };

/**
 * Whether a file can be read as byte ranges, by the format rule every reader applies. Delimited
 * text and NDJSON split at line starts (an NDJSON line cannot hold a raw line break, so its
 * guesses are never wrong); a JSON array is one value and a compressed stream cannot be entered
 * mid-way, so each is read as a single shard. Empty, binary and otherwise compressed files are
 * refused as every reader refuses them.
 */
export function howToShard(head: Uint8Array, complete: boolean): Sharding {
  if (head.length === 0) throw new ProfileError('empty_file', 'the file is empty', ['byte 0: no content']);
  const container = containerOf(head);
  if (container === 'gzip') return { splittable: false, format: container, because: 'a gzip stream can only be read from its start' };
  if (container !== 'none')
    throw new ProfileError('unsupported_compression', `the file is ${container}-compressed; gzip or uncompressed text is supported`, [
      `byte 0: ${container} signature`,
    ]);
  // Binary or non-UTF-8 text is refused here, as every reader refuses it, before any shard is read.
  // (A character the head cuts off is held back by the guard, not refused.)
  const guard = new Utf8Guard();
  guard.check(head);
  if (complete) guard.finish();
  const sniffed = sniffFormat(head, complete);
  if (!('delimiter' in sniffed)) {
    if (sniffed.format === 'json') return { splittable: false, format: 'json', because: 'a JSON array is one value, read from its start' };
    // NUL never appears in JSON text, so each NDJSON line reads as one field.
    return { splittable: true, format: 'ndjson', delimiter: 0x00 };
  }
  return { splittable: true, format: sniffed.format, delimiter: sniffed.delimiter };
}
