export * from './detect-format.js';
export * from './infer-column-types.js';
export * from './parse-table.js';
export * from './spreadsheet-formula.js';
export * from './stream-table.js';
export * from './json-cell.js';
