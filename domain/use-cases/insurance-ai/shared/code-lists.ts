/**
 * The code lists a policy/claim extract is checked against. Codes are compared after trimming
 * and upper-casing, because legacy exports disagree on case but never on the code itself.
 */

export const LINES_OF_BUSINESS = {
  AUTO: 'Personal auto',
  HOME: 'Homeowners',
  LIFE: 'Life',
  HLTH: 'Health',
  COMM: 'Commercial property & casualty',
  UMBR: 'Personal umbrella',
} as const;
export type LineOfBusiness = keyof typeof LINES_OF_BUSINESS;

export const CLAIM_STATUSES = {
  OP: 'open (reserved, not yet paid)',
  PD: 'paid',
  RO: 'reopened',
  CL: 'closed without payment',
  DN: 'denied',
} as const;
export type ClaimStatus = keyof typeof CLAIM_STATUSES;

/** Statuses whose amounts count as incurred losses: paid, or still reserved (open/reopened). */
export const INCURRED_CLAIM_STATUSES: ReadonlySet<ClaimStatus> = new Set<ClaimStatus>(['OP', 'PD', 'RO']);

/** Statuses whose amount may still be paid out, i.e. what a review could hold back. */
export const OPEN_CLAIM_STATUSES: ReadonlySet<ClaimStatus> = new Set<ClaimStatus>(['OP', 'RO']);

/** USPS codes of the 50 states and DC. */
export const STATE_CODES = [
  'AK',
  'AL',
  'AR',
  'AZ',
  'CA',
  'CO',
  'CT',
  'DC',
  'DE',
  'FL',
  'GA',
  'HI',
  'IA',
  'ID',
  'IL',
  'IN',
  'KS',
  'KY',
  'LA',
  'MA',
  'MD',
  'ME',
  'MI',
  'MN',
  'MO',
  'MS',
  'MT',
  'NC',
  'ND',
  'NE',
  'NH',
  'NJ',
  'NM',
  'NV',
  'NY',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VA',
  'VT',
  'WA',
  'WI',
  'WV',
  'WY',
] as const;
export type StateCode = (typeof STATE_CODES)[number];

export function isLineOfBusiness(code: string): code is LineOfBusiness {
  return Object.hasOwn(LINES_OF_BUSINESS, code);
}

export function isClaimStatus(code: string): code is ClaimStatus {
  return Object.hasOwn(CLAIM_STATUSES, code);
}

const STATES: ReadonlySet<string> = new Set(STATE_CODES);
export function isStateCode(code: string): code is StateCode {
  return STATES.has(code);
}
