/**
 * The streaming data profiler: CSV, TSV, JSON arrays and NDJSON, plain or gzip, profiled in one
 * pass in bounded memory. See profile-types.ts for what a profile holds and which figures are
 * exact or estimated (and how closely).
 */
export { profileBytes, profileStream } from './profile-stream.js';
export { ProfileError, type ProfileErrorCode } from './profile-error.js';
export type { ProfileOptions } from './profile-options.js';
export { TableProfiler } from './table-profiler.js';
export type * from './profile-types.js';
export { withholdPersonalData, type PersonalDataPolicy } from './withhold-personal-data.js';
export { PERSONAL_DATA_LABELS, withholdEmbedded, type PersonalDataFinding, type PersonalDataKind } from './personal-data.js';
export { isIdentifier, isLinearMeasure, scaleOf } from './column-semantics.js';
