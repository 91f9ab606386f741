import { DelimitedScanner, type DelimitedRowSink } from '#domain/profiling/delimited-scanner.js';
import { Utf8Guard } from '#domain/profiling/utf8-guard.js';
import { rowCells } from '#domain/profiling/row-cells.js';

/**
 * Rows of delimited bytes as they arrive, a chunk's worth at a time, as the profiler's scanner splits them (quoted fields
 * with delimiters, line breaks and doubled quotes; LF, CRLF or CR), each row a string per cell.
 * The profiler and the record passes share one delimited parser, so they cannot disagree about
 * where a row ends. papaparse was dropped here: fed the store's 1 MiB chunks, its stream mode
 * took 79 s on a 9 MB, 150,000-row CSV that it read in 3.1 s in 64 KiB chunks; the scanner takes
 * well under a second either way.
 */
export async function* delimitedRows(
  chunks: AsyncIterable<Uint8Array>,
  delimiter: number,
  decodedAfterHeader?: (header: string[]) => Uint8Array | undefined,
): AsyncGenerator<string[][]> {
  const guard = new Utf8Guard();
  let collected: string[][] = [];
  const scanner = new DelimitedScanner(delimiter, new RowCollector((cells) => collected.push(cells), decodedAfterHeader));
  // A chunk's rows at a time: an async generator step per row costs a promise per row, several
  // times over through the generators above it (and a hook call each under AsyncLocalStorage).
  for await (const chunk of chunks) {
    guard.check(chunk);
    scanner.push(chunk);
    if (collected.length > 0) {
      yield collected;
      collected = [];
    }
  }
  guard.finish();
  scanner.finish();
  if (collected.length > 0) yield collected;
}

/**
 * `decodedAfterHeader` names, from the header, the cells of later rows worth decoding (1 to
 * decode): a pass that follows two columns of forty does not pay for the other thirty-eight.
 * Cells left out read as empty.
 */
class RowCollector implements DelimitedRowSink {
  private header = true;
  private decoded: Uint8Array | undefined;

  constructor(
    private readonly collect: (cells: string[]) => void,
    private readonly decodedAfterHeader?: (header: string[]) => Uint8Array | undefined,
  ) {}

  row(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, fields: number): void {
    const cells = rowCells(bytes, starts, ends, escaped, fields, this.decoded);
    this.collect(cells);
    if (this.header) {
      this.header = false;
      this.decoded = this.decodedAfterHeader?.(cells.map((name) => name.trim()));
    }
  }
}
