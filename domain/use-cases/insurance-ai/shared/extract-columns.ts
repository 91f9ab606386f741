import { CLAIM_CORE_FIELDS, CLAIM_FIELDS, REQUIRED_WHEN_PRESENT, type InsuranceField } from './fields.js';

/**
 * The fields of a policy/claim extract, by the names the records and the lake use. One line per
 * claim; a policy without claims has one line with the claim fields empty, and a policy with
 * several claims repeats its policy fields on each line (a denormalised mainframe extract).
 * Which of them a file has, and under which column names, is the column mapping's business.
 */
export type ExtractColumn = InsuranceField;

/** Fields every line must fill when the file has them. */
export const REQUIRED_VALUES: readonly ExtractColumn[] = ['policy_number', ...REQUIRED_WHEN_PRESENT];

/** Fields that are all filled when a line carries a claim, and all empty when it does not. */
export const CLAIM_COLUMNS: readonly ExtractColumn[] = ['claim_id', ...CLAIM_CORE_FIELDS];

/** Every claim field, the optional ones (report date, reserve) included. */
export const ALL_CLAIM_COLUMNS: readonly ExtractColumn[] = CLAIM_FIELDS;

/** A layout or header name compared case-insensitively, with spaces and hyphens read as underscores. */
export function canonicalColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
