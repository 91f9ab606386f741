import { describe, expect, it } from 'vitest';
import type { ShardedTableRead } from '#domain/ports/sharded-profiler.js';
import { readInShards } from '#domain/sharding/shard-chain.js';
import { readTableShard, tableHeader, type TableShardPass } from '#domain/sharding/table-shard.js';
import { streamTable } from '#domain/tabular/index.js';
import type { AdmissionPart } from '#domain/use-cases/mvp/shared/admission-tally.js';
import { admissionShardPass, admittedFromShards } from '#domain/use-cases/mvp/shared/admit-in-shards.js';
import { admitTable } from '#domain/use-cases/mvp/shared/admit-table.js';
import { ndjsonLines } from '#domain/use-cases/mvp/upload/normalize-table.js';
import { typedCopyShardPass } from '#domain/use-cases/mvp/upload/typed-copy-in-shards.js';
import { inputOf } from '../../../../support/hostile-delimited.js';
import { stockExport } from '../../../../support/stock-export.js';

const SEMICOLON = 0x3b;

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** The file read as shards of about `shardBytes` by `pass`, as the embedded runtime's workers read it, but in this thread. */
async function readWithPass<Part>(bytes: Uint8Array, shardBytes: number, pass: TableShardPass, options: unknown, seed: number) {
  const columns = tableHeader(bytes.subarray(0, 64 * 1024), bytes.length <= 64 * 1024, SEMICOLON)!;
  const input = inputOf(bytes, seed);
  const pieces: string[][] = [];
  const shards = await readInShards(input, shardBytes, async ({ index, start, boundary, chunks }) => {
    // A re-read shard writes its piece again from the start.
    pieces[index] = [];
    const read = await readTableShard({
      start,
      boundary,
      size: bytes.length,
      delimiter: SEMICOLON,
      columns,
      pass,
      options,
      chunks,
      write: (text) => pieces[index]!.push(text),
    });
    return { scan: read.scan, partial: read };
  });
  expect(shards.every((shard) => shard.partial.clean)).toBe(true);
  const read: ShardedTableRead<Part> = {
    table: { format: 'csv', delimiter: ';', hadBom: true, columns, rows: shards.reduce((sum, s) => sum + s.partial.rows, 0), contentBytes: bytes.length - 3 },
    parts: shards.map((shard) => ({ part: shard.partial.part as Part, firstLine: shard.firstLine })),
    shards: shards.length,
    workers: 1,
  };
  return { read, output: pieces.flat().join(''), shards: shards.length, rereads: shards.filter((s) => s.reread).length };
}

describe('a table admitted and copied in shards', () => {
  const bytes = new TextEncoder().encode(stockExport(3000));

  it.each([
    [4096, 1],
    [7777, 2],
    [30_000, 3],
  ])('admits a stock export read in shards of %d bytes exactly as one pass does (seed %d)', async (shardBytes, seed) => {
    const onePass = await admitTable(once(bytes));
    const { read, shards, rereads } = await readWithPass<AdmissionPart>(bytes, shardBytes, admissionShardPass, null, seed);
    expect(shards).toBeGreaterThan(2);
    // The notes' quoted line breaks put some guessed starts inside a row: those shards were read again.
    if (shardBytes === 4096) expect(rereads).toBeGreaterThan(0);
    expect(admittedFromShards(read)).toEqual(onePass);
    // What the file is meant to exercise: types that settle late, decimal commas, formula-like cells with their lines.
    expect(onePass.schema.map((c) => c.type)).toEqual(['string', 'string', 'float', 'float', 'datetime', 'string', 'string']);
    expect(onePass.decimalComma.map((d) => d.decision)).toEqual(['read_as_numbers']);
    expect(onePass.formulaLikeCells.count).toBeGreaterThan(100);
  });

  it('writes the typed NDJSON copy in shards, joined in file order, byte for byte as one pass writes it', async () => {
    const { schema } = await admitTable(once(bytes));
    const reading = streamTable(once(bytes));
    let onePass = '';
    for await (const batch of reading.batches) onePass += ndjsonLines(schema, batch);
    const { output, read } = await readWithPass<null>(bytes, 5000, typedCopyShardPass, schema, 4);
    expect(read.table.rows).toBe(3000);
    expect(output).toBe(onePass);
    expect(output.split('\n')[1]).toContain('"Preis (EUR)":');
  });

  it('gives up on a shard holding a row of the wrong width, for the one-pass read to word', async () => {
    const text = stockExport(3000).split('\r\n');
    text[2500] = text[2500]!.split(';').slice(0, 4).join(';');
    const ragged = new TextEncoder().encode(text.join('\r\n'));
    const columns = tableHeader(ragged.subarray(0, 64 * 1024), false, SEMICOLON)!;
    const shards = await readInShards(inputOf(ragged, 5), 8000, async ({ start, boundary, chunks }) => {
      const read = await readTableShard({
        start,
        boundary,
        size: ragged.length,
        delimiter: SEMICOLON,
        columns,
        pass: admissionShardPass,
        options: null,
        chunks,
        write: () => {},
      });
      return { scan: read.scan, partial: read };
    });
    expect(shards.filter((shard) => !shard.partial.clean)).toHaveLength(1);
    expect(shards.at(-1)!.partial.clean).toBe(true);
  });

  it('reads the header as a one-pass read does, and declines one a one-pass read objects to', () => {
    const head = (text: string) => new TextEncoder().encode(text);
    expect(tableHeader(head('\uFEFF id ;Name\r\n1;a\r\n'), true, SEMICOLON)).toEqual(['id', 'Name']);
    expect(tableHeader(head('id;id\n1;2\n'), true, SEMICOLON)).toBeUndefined();
    expect(tableHeader(head('1;2\n3;4\n'), true, SEMICOLON)).toBeUndefined();
    expect(tableHeader(head('"id;name'), false, SEMICOLON)).toBeUndefined();
  });
});
