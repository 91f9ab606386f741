import type { SourceSystem, SyntheticHolder } from './synthetic-portfolio.js';

/** How each legacy source writes the same facts: the variety validation has to absorb. */

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export function formatDate(iso: string, source: SourceSystem): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (source) {
    case 'mainframe':
      return `${y}${m}${d}`;
    case 'agency':
      return `${m}/${d}/${y.slice(2)}`;
    case 'oracle':
      return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
    case 'modern':
      return iso;
  }
}

export function formatAmount(amount: number, source: SourceSystem): string {
  const negative = amount < 0;
  const fixed = Math.abs(amount).toFixed(2);
  switch (source) {
    case 'mainframe':
      return `${fixed.padStart(10, '0')}${negative ? '-' : ''}`;
    case 'agency':
      return `${negative ? '-' : ''}$${withThousands(fixed)}`;
    default:
      return `${negative ? '-' : ''}${fixed}`;
  }
}

export function formatName(holder: SyntheticHolder, source: SourceSystem): string {
  return source === 'mainframe' || source === 'oracle' ? `${holder.last}, ${holder.first}`.toUpperCase() : `${holder.first} ${holder.last}`;
}

export function formatNationalId(digits: string | null, source: SourceSystem): string {
  if (digits === null) return '';
  return source === 'mainframe' ? digits : `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

export function formatPhone(digits: string | null, source: SourceSystem): string {
  if (digits === null) return '';
  const [a, e, n] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  switch (source) {
    case 'mainframe':
      return digits;
    case 'agency':
      return `(${a}) ${e}-${n}`;
    case 'oracle':
      return `${a}-${e}-${n}`;
    case 'modern':
      return `+1 ${a} ${e} ${n}`;
  }
}

export function formatEmail(email: string | null, source: SourceSystem): string {
  if (email === null) return '';
  return source === 'oracle' ? email.toUpperCase() : email;
}

/** Thousands separators by hand: toLocaleString depends on the ICU data Node was built with. */
function withThousands(fixed: string): string {
  const [whole, fraction] = fixed.split('.') as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}
