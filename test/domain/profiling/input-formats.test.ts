import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { profileBytes, profileStream, type DatasetProfile } from '#domain/profiling/index.js';
import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { generatedRows, toDelimited, toNdjson } from './generated-table.js';

const encode = (text: string) => new TextEncoder().encode(text);

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** What a profile says about its columns, leaving out what depends on the format's own spelling of values. */
function essentials(profile: DatasetProfile) {
  return profile.columns.map((c) => ({
    name: c.name,
    type: c.type,
    count: c.count,
    nulls: c.nulls,
    min: c.min,
    max: c.max,
    mean: c.mean,
    stddev: c.stddev,
    distinct: c.distinct,
    quantiles: c.quantiles,
  }));
}

describe('formats', () => {
  const rows = generatedRows(1_500, 21);
  const csv = encode(toDelimited(rows));

  it('reads the same table from CSV, TSV, NDJSON and a JSON array', async () => {
    const fromCsv = await profileBytes(csv);
    const fromTsv = await profileBytes(encode(toDelimited(rows, '\t')));
    const ndjson = toNdjson(rows);
    const fromNdjson = await profileBytes(encode(ndjson));
    const fromArray = await profileBytes(encode(`[\n${ndjson.split('\n').join(',\n')}\n]`));
    expect([fromCsv.format, fromTsv.format, fromNdjson.format, fromArray.format]).toEqual(['csv', 'tsv', 'ndjson', 'json']);
    expect(essentials(fromTsv)).toEqual(essentials(fromCsv));
    // JSON keeps numbers and text apart: the same columns, except that a mixed column's numbers are numbers.
    const comparable = (p: DatasetProfile) => essentials(p).filter((c) => c.name !== 'mixed' && c.name !== 'label' && c.name !== 'flag');
    expect(comparable(fromNdjson)).toEqual(comparable(fromCsv));
    expect(essentials(fromArray)).toEqual(essentials(fromNdjson));
  });

  it('recognises gzip by its bytes, whatever the file is called, and reports it', async () => {
    const plain = await profileBytes(csv);
    const zipped = await profileBytes(gzipSync(csv));
    expect(zipped.compression).toBe('gzip');
    expect(plain.compression).toBe('none');
    expect(essentials(zipped)).toEqual(essentials(plain));
    const ndjson = encode(toNdjson(rows));
    expect(essentials(await profileBytes(gzipSync(ndjson)))).toEqual(essentials(await profileBytes(ndjson)));
  });

  it('reads concatenated gzip members as one file', async () => {
    const text = toDelimited(rows);
    const cut = text.indexOf('\n', text.length / 2) + 1;
    const twoMembers = new Uint8Array([...gzipSync(encode(text.slice(0, cut))), ...gzipSync(encode(text.slice(cut)))]);
    expect(essentials(await profileBytes(twoMembers))).toEqual(essentials(await profileBytes(csv)));
  });

  it('gives the same profile however the stream is cut into chunks', async () => {
    const whole = essentials(await profileBytes(csv));
    for (const size of [1, 7, 64, 4096]) {
      expect(essentials(await profileStream(chunksOf(csv, size))), `chunks of ${size}`).toEqual(whole);
    }
    const json = encode(`[${toNdjson(rows.slice(0, 200)).split('\n').join(',')}]`);
    const wholeJson = essentials(await profileBytes(json));
    for (const size of [1, 13, 1000]) expect(essentials(await profileStream(chunksOf(json, size)))).toEqual(wholeJson);
  });

  it('keeps multi-byte characters whole when a chunk boundary splits them', async () => {
    const text = encode('name,city\nZoë,東京\nÅsa,Kraków\n');
    for (let size = 1; size <= 5; size++) {
      const profile = await profileStream(chunksOf(text, size));
      expect(profile.columns[1]!.topK.map((t) => t.value).sort()).toEqual(['Kraków', '東京']);
      expect(profile.columns[0]!.lengths).toEqual({ min: 3, max: 3, mean: 3 });
    }
  });

  it('sniffs the delimiter from the content: semicolons and pipes too', async () => {
    const semicolons = await profileBytes(encode('a;b;c\n1;"x;y";3\n4;z;6\n'));
    expect(semicolons.delimiter).toBe(';');
    expect(semicolons.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(semicolons.columns[1]!.topK.map((t) => t.value).sort()).toEqual(['x;y', 'z']);
    expect((await profileBytes(encode('a|b\n1|2\n'))).delimiter).toBe('|');
  });

  it('accepts CRLF and CR line ends, a byte-order mark, blank lines and a last line without a break', async () => {
    for (const text of ['\uFEFFa,b\r\n1,x\r\n\r\n2,y', 'a,b\r1,x\r2,y\r', 'a,b\n\n1,x\n2,y\n\n']) {
      const profile = await profileBytes(encode(text));
      expect(profile.rows).toBe(2);
      expect(profile.columns.map((c) => [c.name, c.type, c.count])).toEqual([
        ['a', 'integer', 2],
        ['b', 'string', 2],
      ]);
    }
  });

  it('pads short rows with missing values and counts them as ragged', async () => {
    const profile = await profileBytes(encode('a,b,c\n1,2,3\n4,5\n7,8,9,10\n1,2,3\n1,2,3\n'));
    expect(profile.rows).toBe(5);
    expect(profile.raggedRows).toBe(2);
    expect(profile.columns[2]!.nulls).toBe(1);
  });

  it('names blank and repeated headers so every column can be told apart', async () => {
    const profile = await profileBytes(encode('id,,id\n1,2,3\n'));
    expect(profile.columns.map((c) => c.name)).toEqual(['id', 'column_2', 'id_2']);
  });

  it('reads JSON values by their JSON type: quoted numbers stay text, nested values become text', async () => {
    const profile = await profileBytes(encode('{"n": 1, "s": "2", "o": {"x": [1, 2]}, "e": ""}\n{"n": 2.5, "s": "3", "o": null, "e": "z"}\n{"extra": true}\n'));
    const byName = Object.fromEntries(profile.columns.map((c) => [c.name, c]));
    expect(byName.n!.type).toBe('float');
    expect(byName.s!.type).toBe('string');
    expect(byName.o!.min).toBe('{"x":[1,2]}');
    expect(byName.e!.emptyStrings).toBe(1);
    expect(byName.extra!.nulls).toBe(2);
    expect(byName.n!.nulls).toBe(1);
    expect(profile.missingCooccurrence).toContainEqual({ a: 'n', b: 's', bothMissing: 1 });
  });

  it('profiles a very wide file, pairing missing values among its first 256 columns', async () => {
    const columns = 3000;
    const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
    const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: columns }, (_, c) => ((r + c) % 3 === 0 ? '' : String(r * c))).join(','));
    const profile = await profileBytes(encode(`${header}\n${rows.join('\n')}\n`));
    expect([profile.rows, profile.columns.length]).toEqual([20, columns]);
    expect(profile.columns[2999]!.nulls).toBe(7);
    expect(profile.missingCooccurrence.every((pair) => Number(pair.a.slice(1)) < 256 && Number(pair.b.slice(1)) < 256)).toBe(true);
    expect(profile.missingCooccurrence).toContainEqual({ a: 'c0', b: 'c3', bothMissing: 7 });
  });

  it('counts missing pairs exactly in sparse JSON whose keys keep appearing', async () => {
    const random = new SeededRandom(31);
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const records = Array.from({ length: 600 }, (_, r) => {
      // Early records know only the first keys; density varies from nearly empty to nearly full.
      const known = keys.slice(0, Math.min(keys.length, 5 + Math.floor(r / 15)));
      const density = random.next();
      return Object.fromEntries(known.filter(() => random.next() < density).map((k) => [k, r]));
    });
    const profile = await profileBytes(encode(records.map((r) => JSON.stringify(r)).join('\n')));
    const names = profile.columns.map((c) => c.name);
    for (const { a, b, bothMissing } of profile.missingCooccurrence) {
      expect(bothMissing, `${a}+${b}`).toBe(records.filter((r) => !(a in r) && !(b in r)).length);
    }
    expect(profile.missingCooccurrence.length).toBe((names.length * (names.length - 1)) / 2);
  });

  it('keeps a JSON number too large for a double as text', async () => {
    const profile = await profileBytes(encode('{"x": 1e400}\n{"x": 2}\n'));
    expect(profile.columns[0]!.typeCounts).toEqual({ integer: 1, string: 1 });
    expect(profile.columns[0]!.mean).toBeNull();
  });

  it('reads an empty JSON array and a header-only CSV as tables without rows', async () => {
    expect((await profileBytes(encode(' [ ] '))).rows).toBe(0);
    const headerOnly = await profileBytes(encode('a,b\n'));
    expect([headerOnly.rows, headerOnly.columns.map((c) => c.type)]).toEqual([0, ['empty', 'empty']]);
  });

  it('reports datetimes as written (date only, or time without zone) with their order in the file', async () => {
    const dates = await profileBytes(encode('d\n2024-02-29\n2024-01-01\n2024-03-01\n'));
    expect([dates.columns[0]!.type, dates.columns[0]!.min, dates.columns[0]!.max]).toEqual(['datetime', '2024-01-01', '2024-03-01']);
    expect(dates.columns[0]!.sequence!.backwardSteps).toBe(1);
    const times = await profileBytes(encode('t\n2024-01-01T10:00:00+02:00\n2024-01-01 09:00:00Z\n'));
    expect([times.columns[0]!.min, times.columns[0]!.max]).toEqual(['2024-01-01T08:00:00.000Z', '2024-01-01T09:00:00.000Z']);
    expect(times.columns[0]!.valueUnit).toBe('epoch_ms');
    expect((await profileBytes(encode('d\n2024-02-30\n'))).columns[0]!.type).toBe('string');
  });

  it('reports progress in bytes read, ending at the file size', async () => {
    const seen: number[] = [];
    const zipped = gzipSync(csv);
    await profileStream(chunksOf(zipped, 1024), { onProgress: (bytes) => seen.push(bytes) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(zipped.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
