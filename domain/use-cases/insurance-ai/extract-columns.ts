/**
 * The columns of a policy/claim extract. One line per claim; a policy without claims has one
 * line with the claim columns empty, and a policy with several claims repeats its policy
 * columns on each line (the usual shape of a denormalised mainframe extract).
 */
export const EXTRACT_COLUMNS = [
  'policy_number',
  'holder_name',
  'national_id',
  'email',
  'phone',
  'line_of_business',
  'state',
  'effective_date',
  'premium',
  'claim_id',
  'claim_date',
  'claim_amount',
  'claim_status',
] as const;
export type ExtractColumn = (typeof EXTRACT_COLUMNS)[number];

/** Columns whose value every line must have. Contact details are optional: legacy data lacks them. */
export const REQUIRED_VALUES: readonly ExtractColumn[] = ['policy_number', 'holder_name', 'line_of_business', 'state', 'effective_date', 'premium'];

/** Columns that are all filled when a line carries a claim, and all empty when it does not. */
export const CLAIM_COLUMNS: readonly ExtractColumn[] = ['claim_id', 'claim_date', 'claim_amount', 'claim_status'];

/** Header names are matched case-insensitively, with spaces and hyphens read as underscores. */
export function canonicalColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
