export { RecordStreamError } from './record-stream-error.js';
export { decodeChunks } from './decode-chunks.js';
export { recordsFromText, streamRecords, type RecordValue, type TableRecord } from './stream-records.js';
