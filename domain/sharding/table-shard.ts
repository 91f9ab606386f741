import { DelimitedScanner } from '#domain/profiling/delimited-scanner.js';
import { rowCells } from '#domain/profiling/row-cells.js';
import { headerViolations, type Cell, type TableBatch } from '#domain/tabular/index.js';
import type { DelimitedShardScan } from './delimited-shard.js';
import { scanCheckedShard, withoutByteOrderMark } from './profile-shard.js';

/**
 * A pass over a table's rows that may be read as shards: each shard's rows fold into a part
 * (plain data, small), which the step merges in file order, and the text the pass writes for
 * them becomes that shard's piece of its output, joined in file order.
 */
export interface TableShardPass<Part = unknown> {
  /** How a shard request names the pass: `<use case>.<pass>`, unique across use cases. */
  readonly name: string;
  /** A reader of one shard's rows, under the options the step handed the read (plain data, as a request carries). */
  open(options: unknown): { batch(batch: TableBatch): string | undefined; part(): Part };
}

export interface TableShardRequest {
  start: number;
  boundary: number;
  /** The input's size: the shard that reads to it checks that the last character is whole. */
  size: number;
  delimiter: number;
  /** The header's names, trimmed, as a one-pass read gives them; the shard at byte 0 skips its header row. */
  columns: readonly string[];
  pass: TableShardPass;
  options: unknown;
  chunks: AsyncIterable<Uint8Array>;
  /** Where the shard's output text goes, in order. */
  write(text: string): void;
}

export interface TableShardRead {
  scan: DelimitedShardScan;
  /** Data rows (the header row is not one). */
  rows: number;
  /**
   * False when a row does not have the header's width: the file is refused, and a one-pass
   * read words the refusal with its lines, so the shard stops there.
   */
  clean: boolean;
  part: unknown;
}

/** Rows handed to the pass at a time: a batch's text is a few hundred KiB. */
const BATCH_ROWS = 2048;

/**
 * Reads one shard of delimited text for a table pass: its rows decoded as a one-pass read decodes
 * them, handed on in batches with their lines (counted from the shard's start), its bytes checked
 * as UTF-8. A byte that is not, or a quote never closed, fails the shard.
 */
export async function readTableShard(request: TableShardRequest): Promise<TableShardRead> {
  const reader = request.pass.open(request.options);
  const width = request.columns.length;
  let headerToSkip = request.start === 0;
  let clean = true;
  let rows = 0;
  let batch: Cell[][] = [];
  let lines: number[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const text = reader.batch({ columns: request.columns, rows: batch, lines });
    if (text) request.write(text);
    batch = [];
    lines = [];
  };
  const scan = await scanCheckedShard(request, {
    row(bytes, starts, ends, escaped, fields, line) {
      if (headerToSkip) {
        headerToSkip = false;
        return;
      }
      if (!clean) return;
      if (fields !== width) {
        clean = false;
        return;
      }
      rows++;
      batch.push(rowCells(bytes, starts, ends, escaped, fields));
      lines.push(line);
      if (batch.length >= BATCH_ROWS) flush();
    },
  });
  if (clean) flush();
  return { scan, rows, clean, part: clean ? reader.part() : null };
}

/**
 * The column names of the header row of `head`, trimmed, as a one-pass read takes them; undefined
 * when the head does not hold a whole first row, or a one-pass read would object to it (a blank
 * or repeated name, values for names): then the file is read in one pass.
 */
export function tableHeader(head: Uint8Array, complete: boolean, delimiter: number): string[] | undefined {
  let header: { cells: string[]; line: number } | undefined;
  const scanner = new DelimitedScanner(delimiter, {
    row(bytes, starts, ends, escaped, fields, line) {
      header ??= { cells: rowCells(bytes, starts, ends, escaped, fields), line };
    },
  });
  try {
    scanner.push(withoutByteOrderMark(head));
    if (complete && !header) scanner.finish();
  } catch {
    return undefined;
  }
  if (!header || headerViolations(header.cells, header.line).length > 0) return undefined;
  return header.cells.map((name) => name.trim());
}
