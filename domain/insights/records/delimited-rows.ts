import { pipeline, Readable } from 'node:stream';
import Papa from 'papaparse';

/**
 * Rows of delimited text as they arrive, quoted fields with delimiters and newlines included.
 * papaparse's stream mode keeps only the unfinished row in memory.
 */
export async function* delimitedRows(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<string[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: true });
  let failure: Error | undefined;
  pipeline(Readable.from(text), parser, (error) => {
    if (error) failure = error;
  });
  for await (const row of parser) yield row as string[];
  if (failure) throw failure;
}
