export { RecordStreamError } from './record-stream-error.js';
export { streamRecords, type RecordValue, type TableRecord } from './stream-records.js';
