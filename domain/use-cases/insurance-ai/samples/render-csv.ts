import { formatAmount, formatDate, formatEmail, formatName, formatNationalId, formatPhone } from './legacy-formats.js';
import type { SyntheticPolicy } from './synthetic-portfolio.js';

/** The combined extract's own column names: the insurance field names, without report date and reserve. */
export const COMBINED_EXTRACT_COLUMNS = [
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

/** Header and cells of a CSV extract, one row per claim (one per claimless policy), before quoting. */
export function csvExtractRows(policies: readonly SyntheticPolicy[]): { header: string[]; rows: string[][] } {
  // Upper-case headers, as mainframe report writers produce them; validation matches case-insensitively.
  const header = COMBINED_EXTRACT_COLUMNS.map((c) => c.toUpperCase());
  const rows: string[][] = [];
  for (const policy of policies) {
    const s = policy.source;
    const policyCells = [
      policy.number,
      formatName(policy.holder, s),
      formatNationalId(policy.holder.nationalId, s),
      formatEmail(policy.holder.email, s),
      formatPhone(policy.holder.phone, s),
      policy.lob,
      policy.holder.state,
      formatDate(policy.effectiveDate, s),
      formatAmount(policy.premium, s),
    ];
    // Mainframe exports zero-fill an absent claim date instead of leaving it blank.
    if (policy.claims.length === 0) rows.push([...policyCells, '', s === 'mainframe' ? '00000000' : '', '', '']);
    for (const claim of policy.claims) rows.push([...policyCells, claim.id, formatDate(claim.date, s), formatAmount(claim.amount, s), claim.status]);
  }
  return { header, rows };
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
