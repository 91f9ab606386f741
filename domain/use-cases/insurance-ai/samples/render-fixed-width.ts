import type { LayoutField } from '../shared/fixed-width-layout.js';
import { formatEmail, formatName, formatPhone } from './legacy-formats.js';
import type { SyntheticPolicy } from './synthetic-portfolio.js';

/** The layout of the sample mainframe extract: dates YYYYMMDD, amounts with 2 implied decimals. */
export const SAMPLE_LAYOUT: readonly LayoutField[] = [
  { name: 'policy_number', start: 1, end: 10, impliedDecimals: 0 },
  { name: 'holder_name', start: 11, end: 40, impliedDecimals: 0 },
  { name: 'national_id', start: 41, end: 49, impliedDecimals: 0 },
  { name: 'email', start: 50, end: 89, impliedDecimals: 0 },
  { name: 'phone', start: 90, end: 99, impliedDecimals: 0 },
  { name: 'line_of_business', start: 100, end: 103, impliedDecimals: 0 },
  { name: 'state', start: 104, end: 105, impliedDecimals: 0 },
  { name: 'effective_date', start: 106, end: 113, impliedDecimals: 0 },
  { name: 'premium', start: 114, end: 122, impliedDecimals: 2 },
  { name: 'claim_id', start: 123, end: 132, impliedDecimals: 0 },
  { name: 'claim_date', start: 133, end: 140, impliedDecimals: 0 },
  { name: 'claim_amount', start: 141, end: 151, impliedDecimals: 2 },
  { name: 'claim_status', start: 152, end: 153, impliedDecimals: 0 },
];

export function layoutLine(fields: readonly LayoutField[]): string {
  return `#layout ${fields.map((f) => `${f.name}:${f.start}-${f.end}${f.impliedDecimals > 0 ? `:v${f.impliedDecimals}` : ''}`).join(',')}`;
}

/** Record lines (without the layout line), every one padded to the layout's full width. */
export function fixedWidthLines(policies: readonly SyntheticPolicy[], fields: readonly LayoutField[] = SAMPLE_LAYOUT): string[] {
  const width = Math.max(...fields.map((f) => f.end));
  const lines: string[] = [];
  for (const policy of policies) {
    const base: Record<string, string> = {
      policy_number: policy.number,
      holder_name: formatName(policy.holder, 'mainframe'),
      national_id: policy.holder.nationalId ?? '',
      email: formatEmail(policy.holder.email, 'mainframe'),
      phone: formatPhone(policy.holder.phone, 'mainframe'),
      line_of_business: policy.lob,
      state: policy.holder.state,
      effective_date: policy.effectiveDate.replace(/-/g, ''),
      premium: impliedCents(policy.premium),
    };
    const claimLines =
      policy.claims.length === 0
        ? [{}]
        : policy.claims.map((c) => ({ claim_id: c.id, claim_date: c.date.replace(/-/g, ''), claim_amount: impliedCents(c.amount), claim_status: c.status }));
    for (const claim of claimLines) {
      const values: Record<string, string> = { ...base, ...claim };
      const chars = Array.from({ length: width }, () => ' ');
      for (const field of fields) {
        const size = field.end - field.start + 1;
        const value = values[field.name] ?? '';
        // Numbers right-aligned and zero-filled, text left-aligned and truncated: COBOL PIC 9 and PIC X.
        const cell = /^\d+-?$/.test(value) && field.impliedDecimals > 0 ? value.padStart(size, '0') : value.slice(0, size).padEnd(size, ' ');
        for (let i = 0; i < size; i++) chars[field.start - 1 + i] = cell[i]!;
      }
      lines.push(chars.join(''));
    }
  }
  return lines;
}

/** Cents as digits with a trailing minus for negatives: `-250.5` -> `25050-`. */
function impliedCents(amount: number): string {
  return `${Math.round(Math.abs(amount) * 100)}${amount < 0 ? '-' : ''}`;
}
