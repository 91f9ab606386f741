export { RecordStreamError } from './record-stream-error.js';
export { decodeChunks, decodeText, plainBytes } from './decode-chunks.js';
export { recordBatchesFromBytes, recordsFromBytes, streamRecordBatches, streamRecords, type RecordValue, type TableRecord } from './stream-records.js';
