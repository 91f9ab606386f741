export type TabularFormat = 'csv' | 'tsv' | 'json' | 'ndjson';

export interface DetectedFormat {
  format: TabularFormat;
  /** Field delimiter for delimited text. */
  delimiter?: string;
}

const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * Recognises the format from the text itself, not the file name: JSON starts with `[`, NDJSON
 * with `{` on each line; otherwise the delimiter that splits the first line into the most
 * fields outside quotes wins (tab means TSV).
 */
export function detectFormat(text: string): DetectedFormat {
  const start = text.trimStart();
  if (start.startsWith('[')) return { format: 'json' };
  if (start.startsWith('{')) return { format: 'ndjson' };
  const firstLine = firstLogicalLine(text);
  let best: { delimiter: string; count: number } = { delimiter: ',', count: 0 };
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const count = countOutsideQuotes(firstLine, delimiter);
    if (count > best.count) best = { delimiter, count };
  }
  return best.delimiter === '\t' ? { format: 'tsv', delimiter: '\t' } : { format: 'csv', delimiter: best.delimiter };
}

/** The first line with content: blank lines before the header would otherwise hide the delimiter. */
function firstLogicalLine(text: string): string {
  return text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}
