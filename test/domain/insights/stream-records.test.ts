import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { RecordStreamError, streamRecords } from '#domain/insights/records/index.js';

/** Splits bytes into small uneven chunks, so every boundary case (inside quotes, inside UTF-8) is crossed. */
async function* chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const encode = (text: string) => new TextEncoder().encode(text);

async function records(bytes: Uint8Array, size?: number) {
  const out = [];
  for await (const record of streamRecords(chunked(bytes, size))) out.push(record);
  return out;
}

async function failure(bytes: Uint8Array): Promise<RecordStreamError> {
  try {
    await records(bytes);
  } catch (error) {
    if (error instanceof RecordStreamError) return error;
    throw error;
  }
  throw new Error('expected the stream to fail');
}

describe('streamRecords', () => {
  it('reads CSV with quoted delimiters, newlines and non-ASCII text across chunk boundaries; empty cells are missing', async () => {
    const csv = '\uFEFFid,name,note\n1,"Zoë, the first","two\nlines"\n2,,plain\n';
    expect(await records(encode(csv), 3)).toEqual([
      { row: 1, values: { id: '1', name: 'Zoë, the first', note: 'two\nlines' } },
      { row: 2, values: { id: '2', name: null, note: 'plain' } },
    ]);
  });

  it('sniffs the delimiter (tab, semicolon) from the header line', async () => {
    expect((await records(encode('a\tb\n1\t2\n')))[0]!.values).toEqual({ a: '1', b: '2' });
    expect((await records(encode('a;b\n1;2\n')))[0]!.values).toEqual({ a: '1', b: '2' });
  });

  it('reads JSON arrays and NDJSON, keeping nulls missing and turning numbers and nested values into text', async () => {
    const json = '[{"a":1,"b":"x, [y]","c":null},\n {"a":2.5,"b":"q\\"uote","d":{"e":[1,2]}}]';
    expect(await records(encode(json), 5)).toEqual([
      { row: 1, values: { a: '1', b: 'x, [y]', c: null } },
      { row: 2, values: { a: '2.5', b: 'q"uote', d: '{"e":[1,2]}' } },
    ]);
    expect(await records(encode('{"a":true}\n\n{"a":false}\n'))).toEqual([
      { row: 1, values: { a: 'true' } },
      { row: 2, values: { a: 'false' } },
    ]);
  });

  it('reads only the columns asked for, from delimited text and JSON alike', async () => {
    const only = async (text: string) => {
      const out = [];
      for await (const record of streamRecords(chunked(encode(text), 4), { columns: ['ts', 'missing'] })) out.push(record.values);
      return out;
    };
    expect(await only('id,ts,note\n1,2026-01-01,"a, b"\n2,,c\n')).toEqual([{ ts: '2026-01-01' }, { ts: null }]);
    expect(await only('{"id":1,"ts":"2026-01-01"}\n{"id":2}\n')).toEqual([{ ts: '2026-01-01' }, {}]);
  });

  it('gunzips by content, not by name', async () => {
    expect(await records(gzipSync(encode('a,b\n1,2\n')), 4)).toEqual([{ row: 1, values: { a: '1', b: '2' } }]);
  });

  it('names what is wrong with unreadable input', async () => {
    expect((await failure(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x0a]))).code).toBe('invalid_utf8');
    const gz = gzipSync(encode('a,b\n'.repeat(1000)));
    expect((await failure(gz.subarray(0, gz.length - 20))).code).toBe('truncated_input');
    expect((await failure(new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).code).toBe('bad_compression');
    expect((await failure(encode('[{"a":1},{"a":2'))).code).toBe('truncated_input');
    expect((await failure(encode('  \n '))).code).toBe('empty_file');
    expect((await failure(encode('[1,2]'))).code).toBe('not_tabular');
  });
});
