const decoder = new TextDecoder('utf-8');

/**
 * A scanned row's fields as strings (doubled quotes undone); with `wanted`, only the fields it
 * marks 1 are decoded and the others read as empty. The row is decoded once and its fields cut
 * out of it when every byte became one UTF-16 unit (true of ASCII rows, which most are): one
 * decoder call per row instead of one per field was the largest saving in reading a big file.
 * No UTF-8 sequence of several bytes decodes to as many units, so equal lengths prove the byte
 * offsets are the text's.
 */
export function rowCells(
  bytes: Uint8Array,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  escaped: ArrayLike<number>,
  fields: number,
  wanted?: Uint8Array,
): string[] {
  const cells = new Array<string>(fields);
  if (fields === 0) return cells;
  const from = starts[0]!;
  const to = ends[fields - 1]!;
  const text = to > from ? decoder.decode(bytes.subarray(from, to)) : '';
  const oneUnitPerByte = text.length === to - from;
  for (let c = 0; c < fields; c++) {
    if (wanted !== undefined && wanted[c] !== 1) {
      cells[c] = '';
      continue;
    }
    const cell = oneUnitPerByte ? text.slice(starts[c]! - from, ends[c]! - from) : decoder.decode(bytes.subarray(starts[c]!, ends[c]!));
    cells[c] = escaped[c] === 0 ? cell : cell.replaceAll('""', '"');
  }
  return cells;
}
