import { describe, expect, it } from 'vitest';
import { parseTable, readTableStream, type Cell, type StreamedTable } from '#domain/tabular/index.js';

/**
 * The streaming reader admits files of any size, so it must reach the verdict the whole-table
 * reader reaches on files small enough for both: the same format, columns, rows and violations
 * (code and line), however the bytes are cut into chunks.
 */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function streamed(bytes: Uint8Array, size: number): Promise<{ table: StreamedTable; rows: Cell[][]; lines: number[] }> {
  const rows: Cell[][] = [];
  const lines: number[] = [];
  let width = 0;
  const table = await readTableStream(chunked(bytes, size), (batch) => {
    width = batch.columns.length;
    rows.push(...batch.rows.map((row) => [...row]));
    lines.push(...batch.lines);
  });
  // JSON records met before a later key was seen lack it: pad, as the whole reader's rows are.
  return { table, rows: rows.map((row) => [...row, ...Array<Cell>(Math.max(0, width - row.length)).fill(null)]), lines };
}

const encode = (text: string) => new TextEncoder().encode(text);
const verdict = (violations: readonly { code: string; line: number }[]) => violations.map((v) => `${v.code}@${v.line}`);

const files: [label: string, text: string][] = [
  ['a customer export with CRLF and quoted commas', 'customer_id,full_name,city\r\n17,"Okafor, Ada",Lagos\r\n18,"Berg, Nils",Tromsø\r\n'],
  ['semicolons and decimal commas from a German ERP', 'Artikel;Menge;Preis\n4711;3;"12,50"\n4712;1;7,99\n'],
  ['a quoted line break inside a note, then a ragged row', 'id,note,qty\n1,"first\nsecond",3\n2,too,many,fields\n3,ok,1\n'],
  ['CR-only line ends with a ragged row', 'id,name\r1,Ann\r2\r3,Cy\r'],
  ['a duplicate and an empty header name', 'id,name,id,\n1,a,2,x\n'],
  ['a header of numbers', '1,2,3\n4,5,6\n'],
  ['only a header', 'reading_at,sensor\n'],
  ['a quote never closed', 'id,comment\n1,fine\n2,"runs off\n3,the end\n'],
  ['blank lines before the header', '\n\nid,v\n1,2\n'],
  ['NDJSON with a bad line and a non-object', '{"plate":"AB-12","km":4.5}\nnot json\n[1,2]\n{"plate":"CD-34","km":null,"late":true}\n'],
  ['NDJSON with CRLF and blank lines', '{"a":1}\r\n\r\n{"a":2,"b":"x"}\r\n'],
  ['a JSON array of policies over several lines', '[\n  {"policy":"P-1","premium":120.5},\n  {"policy":"P-2","holder":{"name":"Kim"}}\n]\n'],
  ['a JSON array with a scalar element', '[{"a":1}, 7, {"a":2}]'],
  ['an empty JSON array', '[]'],
  ['a JSON array too deep', `[${'['.repeat(70)}${']'.repeat(70)}]`],
  ['NDJSON too deep on line 2', `{"a":1}\n{"a":${'['.repeat(70)}${']'.repeat(70)}}\n`],
];

describe('the streaming table reader agrees with the whole-table reader', () => {
  it.each(files)('%s', async (_label, text) => {
    const bytes = encode(text);
    const whole = parseTable(bytes);
    for (const size of [1, 3, 17, bytes.length]) {
      const { table, rows, lines } = await streamed(bytes, size);
      const where = `chunks of ${size} bytes`;
      expect(verdict(table.violations), where).toEqual(verdict(whole.violations));
      expect({ format: table.format, delimiter: table.delimiter, hadBom: table.hadBom }, where).toEqual({
        format: whole.format,
        delimiter: whole.delimiter,
        hadBom: whole.hadBom,
      });
      if (whole.violations.length > 0) continue; // a rejected file's rows are nobody's business
      expect({ columns: table.columns, rows: table.rows }, where).toEqual({ columns: whole.columns, rows: whole.rows.length });
      expect(rows, where).toEqual(whole.rows);
      expect(lines, where).toEqual(whole.rowLines);
    }
  });

  it('refuses what is not text as the whole reader does, with the line where it breaks', async () => {
    for (const bytes of [
      encode('a,b\n1,2\n3,\u0000\n'),
      Uint8Array.from([...encode('name\nZo'), 0xc3, 0x28, ...encode('\n')]),
      new Uint8Array(0),
      encode('\uFEFF'),
      encode('  \n\t\n'),
    ]) {
      let whole: unknown;
      try {
        parseTable(bytes);
      } catch (error) {
        whole = error;
      }
      for (const size of [1, 4, Math.max(1, bytes.length)]) {
        await expect(streamed(bytes, size)).rejects.toMatchObject({
          code: (whole as { code: string }).code,
          details: (whole as { details: string[] }).details,
        });
      }
    }
  });

  it('keeps the first hundred violations of a file full of them and counts them all', async () => {
    const lines = ['id,name', ...Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? `${i},x,extra` : `${i},y`))];
    const { table } = await streamed(encode(`${lines.join('\n')}\n`), 4096);
    expect(table.violationCount).toBe(2500);
    expect(table.violations).toHaveLength(100);
    expect(table.violations[0]).toEqual({ line: 2, code: 'ragged_rows', message: 'expected 2 fields, found 3' });
  });
});
