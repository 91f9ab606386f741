import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ProfileError, profileBytes, profileStream, type ProfileErrorCode } from '#domain/profiling/index.js';

const encode = (text: string) => new TextEncoder().encode(text);
const table = encode(`id,name\n${Array.from({ length: 5000 }, (_, i) => `${i},name ${i}`).join('\n')}\n`);

async function refusal(bytes: Uint8Array | AsyncIterable<Uint8Array>): Promise<ProfileError> {
  const result = bytes instanceof Uint8Array ? profileBytes(bytes) : profileStream(bytes);
  const error = await result.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProfileError);
  return error as ProfileError;
}

async function expectRefusal(bytes: Uint8Array | AsyncIterable<Uint8Array>, code: ProfileErrorCode, message?: RegExp) {
  const error = await refusal(bytes);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  expect(error.details.length).toBeGreaterThan(0);
}

describe('files the profiler refuses, each with a named reason', () => {
  it('empty files, whitespace and a lone byte-order mark', async () => {
    await expectRefusal(new Uint8Array(0), 'empty_file');
    await expectRefusal(encode(' \n\t\n'), 'empty_file');
    await expectRefusal(new Uint8Array([0xef, 0xbb, 0xbf]), 'empty_file');
    await expectRefusal(gzipSync(new Uint8Array(0)), 'empty_file');
  });

  it('binary data, even behind a gzip header', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectRefusal(png, 'not_tabular', /binary/);
    await expectRefusal(gzipSync(png), 'not_tabular', /binary/);
  });

  it('JSON that is not an array of objects', async () => {
    await expectRefusal(encode('[1, 2, 3]'), 'not_tabular');
    await expectRefusal(encode('[{"a": 1}, "b"]'), 'not_tabular');
    await expectRefusal(encode('{"a": 1}\n42\n'), 'not_tabular');
  });

  it('text whose lines do not line up into a table', async () => {
    await expectRefusal(encode('Dear team,\nthe numbers, as promised, are below.\nThanks\nA, B and C\nbye\n'), 'not_tabular', /rows do not have/);
  });

  it('broken JSON, with the byte where it breaks', async () => {
    await expectRefusal(encode('[{"a": 1}, {"a": 2,}]'), 'invalid_json', /byte 11/);
    await expectRefusal(encode('[{"a": 1} {"a": 2}]'), 'invalid_json');
    await expectRefusal(encode('[{"a": 1}] trailing'), 'invalid_json');
    await expectRefusal(encode('[{"a": 1},]'), 'invalid_json');
  });

  it('text that is not UTF-8, with the offending offset', async () => {
    await expectRefusal(new Uint8Array([...encode('a,b\n1,'), 0xff, 0x0a]), 'invalid_utf8', /offset 6/);
    await expectRefusal(new Uint8Array([...encode('a,b\n1,'), 0xc3]), 'invalid_utf8');
    await expectRefusal(new Uint8Array([...encode('a,b\n1,'), 0xe6, 0x9d, 0x0a]), 'invalid_utf8');
  });

  it('a gzip stream cut off part-way, at any point', async () => {
    const zipped = gzipSync(table);
    for (const keep of [3, 10, Math.floor(zipped.length / 2), zipped.length - 4]) {
      const error = await refusal(zipped.subarray(0, keep));
      expect(['truncated_input', 'bad_compression'], `cut at ${keep}`).toContain(error.code);
    }
    expect((await refusal(zipped.subarray(0, zipped.length / 2))).code).toBe('truncated_input');
  });

  it('gzip that is corrupt or fails its checksum, and junk after the gzip data', async () => {
    const corrupt = gzipSync(table);
    corrupt[corrupt.length - 6]! ^= 0xff;
    await expectRefusal(corrupt, 'bad_compression', /corrupt/);
    await expectRefusal(new Uint8Array([0x1f, 0x8b, 0x01, 0x02, 0x03, 0x04]), 'bad_compression');
    await expectRefusal(new Uint8Array([...gzipSync(table), ...encode('not gzip')]), 'bad_compression');
  });

  it('other compression formats, by name', async () => {
    await expectRefusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'unsupported_compression', /zip/);
    await expectRefusal(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58]), 'unsupported_compression', /zstd/);
  });

  it('a file that ends inside a quoted field or a JSON record', async () => {
    await expectRefusal(encode('a,b\n1,"never closed\n2,3\n'), 'truncated_input', /quoted field/);
    await expectRefusal(encode('[{"a": 1}, {"a": '), 'truncated_input');
    await expectRefusal(encode('[{"a": 1}'), 'truncated_input');
    await expectRefusal(encode('{"a": 1}\n{"a": "open'), 'truncated_input');
  });

  it('an unclosed quote in a long file stops at the row limit instead of holding the rest of the file', async () => {
    async function* endless() {
      yield encode('a,b\n1,"opens here\n');
      const filler = encode('x'.repeat(1 << 20));
      for (let i = 0; i < 64; i++) yield filler;
    }
    await expectRefusal(endless(), 'record_too_large', /unclosed quote/);
  });

  it('a header or JSON records with more columns than it keeps sketches for', async () => {
    await expectRefusal(encode(`${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`), 'too_many_columns', /more than 16384 columns/);
    const records = Array.from({ length: 17_000 }, (_, i) => `{"key${i}": ${i}}`).join('\n');
    await expectRefusal(encode(records), 'too_many_columns');
  });

  it('lets a failure of the byte source itself through unchanged', async () => {
    async function* failing() {
      yield table.subarray(0, 1000);
      throw new Error('connection reset');
    }
    await expect(profileStream(failing())).rejects.toThrow('connection reset');
    async function* failingGzip() {
      yield gzipSync(table).subarray(0, 100);
      throw new Error('connection reset');
    }
    await expect(profileStream(failingGzip())).rejects.toThrow('connection reset');
  });
});
