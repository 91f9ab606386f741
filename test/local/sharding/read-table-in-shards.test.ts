import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTableInShards } from '#local/sharding/read-table-in-shards.js';
import { stockExport } from '../../support/stock-export.js';

describe('a table pass read in shards on worker threads', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  function fileOf(text: string): { path: string; size: number } {
    const folder = mkdtempSync(join(tmpdir(), 'symphainy-test-'));
    folders.push(folder);
    const path = join(folder, 'bestand.csv');
    writeFileSync(path, text);
    return { path, size: Buffer.byteLength(text) };
  }

  const copyOptions = [{ name: 'Artikel-Nr', type: 'string', nullable: false, nulls: 0 }];

  it('fails the output stream it was writing when a later shard holds a row of the wrong width, and leaves the file to one pass', async () => {
    const rows = stockExport(4000).split('\r\n');
    rows[3900] = rows[3900]!.split(';').slice(0, 3).join(';');
    const file = fileOf(rows.join('\r\n'));
    let received = 0;
    let streamError: unknown;
    const read = await readTableInShards(file, { pass: 'mvp.typed_copy', options: copyOptions }, { shardBytes: 16 * 1024, workers: 2 }, async (output) => {
      try {
        for await (const chunk of output) received += chunk.length;
      } catch (error) {
        streamError = error;
        throw error;
      }
    });
    expect(read).toBeUndefined();
    // The shards before the bad one were streamed, then the stream failed rather than ending as if complete.
    expect(received).toBeGreaterThan(0);
    expect(streamError).toBeInstanceOf(Error);
  });

  it('gives the rows and the shards it read, with the output in file order, for a clean file', async () => {
    const file = fileOf(stockExport(4000));
    const lines: string[] = [];
    const read = await readTableInShards(file, { pass: 'mvp.typed_copy', options: copyOptions }, { shardBytes: 16 * 1024, workers: 2 }, async (output) => {
      let text = '';
      for await (const chunk of output) text += Buffer.from(chunk).toString('utf8');
      lines.push(...text.split('\n').filter(Boolean));
    });
    expect(read).toMatchObject({ table: { rows: 4000, format: 'csv', delimiter: ';', hadBom: true }, workers: 2 });
    expect(read!.shards).toBeGreaterThan(5);
    expect(lines.map((line) => (JSON.parse(line) as { 'Artikel-Nr': string })['Artikel-Nr'])).toEqual(
      Array.from({ length: 4000 }, (_, i) => `A-${100_000 + i}`),
    );
  });
});
