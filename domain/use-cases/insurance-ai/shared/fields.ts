import type { FieldMapping, FieldSet, FieldSpec } from '#domain/fields/index.js';
import { isClaimStatus } from './code-lists.js';
import { parseLegacyAmount } from './legacy-amount.js';
import { parseLegacyDate } from './legacy-date.js';

/**
 * What the insurance journeys read from an extract, whatever the file calls it. A file is a
 * policy register (premium per policy), a claims register (one line per claim) or the combined
 * denormalised extract; the only column every shape has is the policy's identifier. Field names
 * are the record's and the lake's column names, so mapping, records and outputs share one vocabulary.
 */
export type InsuranceField =
  | 'policy_number'
  | 'holder_name'
  | 'national_id'
  | 'email'
  | 'phone'
  | 'line_of_business'
  | 'state'
  | 'effective_date'
  | 'premium'
  | 'claim_id'
  | 'claim_date'
  | 'reported_date'
  | 'claim_amount'
  | 'reserve_amount'
  | 'claim_status';

// Zero-filled "no date" sentinels are dates as legacy systems write them; validation reads them as missing.
const legacyDate = (value: string) => parseLegacyDate(value).kind !== 'invalid';
// Either decimal convention fits here; validation reads each file by the one its delimiter implies.
const legacyAmount = (value: string) => parseLegacyAmount(value) !== undefined || parseLegacyAmount(value, 0, 'decimal-comma') !== undefined;
// Statuses are checked by content so a policy register's `policy_status` (ACTIVE, LAPSED) is not read as a claim's.
const claimStatusCode = (value: string) => isClaimStatus(value.trim().toUpperCase());

type Spec = FieldSpec & { readonly name: InsuranceField };

const FIELDS: readonly Spec[] = [
  {
    name: 'policy_number',
    kind: 'identifier',
    required: true,
    synonyms: [
      'policy_id',
      'policy_no',
      'policy_num',
      'policy_nbr',
      'policy_ref',
      'policy',
      'pol_num',
      'pol_no',
      'pol_nbr',
      'polno',
      'polnum',
      'policyno',
      'contract_number',
      'contract_no',
    ],
    description: 'the policy each line belongs to',
  },
  {
    name: 'holder_name',
    kind: 'text',
    required: false,
    synonyms: [
      'holder',
      'policyholder',
      'policy_holder',
      'insured',
      'insured_name',
      'insured_nm',
      'ins_name',
      'ins_nm',
      'holder_nm',
      'customer_name',
      'customer',
      'claimant_name',
      'name',
      'full_name',
    ],
    description: 'the policyholder',
    withoutIt: 'holders are recognised by national id or email only; no names to mask',
  },
  {
    name: 'national_id',
    kind: 'national_id',
    required: false,
    synonyms: ['ssn', 'claimant_ssn', 'insured_ssn', 'social_security_number', 'tax_id', 'tin', 'sin', 'national_identifier', 'nid'],
    // A claims register names the claimant's: the person the claim pays, masked the same way.
    description: 'the holder’s or claimant’s national id (SSN, SIN, tax id)',
    withoutIt: 'no national id to mask; holders are matched by email or name',
  },
  {
    name: 'email',
    kind: 'email',
    required: false,
    synonyms: ['e_mail', 'email_address', 'claimant_email', 'insured_email', 'contact_email', 'mail'],
    description: 'the holder’s or claimant’s email address',
    withoutIt: 'no email to mask; contact readiness counts phones only',
  },
  {
    name: 'phone',
    kind: 'phone',
    required: false,
    synonyms: ['phone_number', 'telephone', 'tel', 'mobile', 'contact_phone', 'claimant_phone', 'phone_no'],
    description: 'the holder’s or claimant’s phone number',
    withoutIt: 'no phone to mask; contact readiness counts emails only',
  },
  {
    name: 'line_of_business',
    kind: 'category',
    required: false,
    synonyms: ['lob', 'lob_code', 'lob_cd', 'line_of_bus', 'product', 'product_line', 'coverage_line', 'business_line'],
    description: 'the line of business (AUTO, HOME, LIFE, HLTH, COMM, UMBR)',
    withoutIt: 'no figures by line of business, no repricing by line, no cross-sell; the lake is not split by line',
  },
  {
    name: 'state',
    kind: 'category',
    required: false,
    synonyms: ['st', 'state_code', 'province', 'region', 'risk_state', 'us_state'],
    description: 'the state of the risk (USPS code)',
    withoutIt: 'no figures by state and no state x line data product',
  },
  {
    name: 'effective_date',
    kind: 'date',
    required: false,
    synonyms: ['inception_date', 'incept_date', 'start_date', 'policy_start', 'policy_start_date', 'eff_date', 'eff_dt', 'effdt', 'effective', 'eff'],
    description: 'the date the policy took effect',
    withoutIt: 'no policy years, tenure or early-claim checks; the lake is split by loss year where there is one',
    accepts: legacyDate,
  },
  {
    name: 'premium',
    kind: 'amount',
    required: false,
    synonyms: ['written_premium', 'annual_premium', 'gross_written_premium', 'gwp', 'prem', 'premium_amount', 'premium_amt', 'prem_amt'],
    description: 'the policy’s written premium',
    withoutIt: 'no written premium, loss ratio, repricing or cross-sell value, and no loyalty offer (a claims register lists only policies that claimed)',
    accepts: legacyAmount,
  },
  {
    name: 'claim_id',
    kind: 'identifier',
    required: false,
    synonyms: ['claim_no', 'claim_number', 'claim_ref', 'claim_nbr', 'claimno', 'clm_no', 'clm_id', 'clmno', 'claim', 'clm'],
    description: 'the claim a line carries',
    withoutIt: 'no claims: no incurred losses, loss ratio, fraud review or claim figures',
  },
  {
    name: 'claim_date',
    kind: 'date',
    required: false,
    synonyms: ['loss_date', 'loss_dt', 'lossdt', 'date_of_loss', 'accident_date', 'incident_date', 'claim_dt'],
    description: 'the date of the loss',
    withoutIt: 'no time-to-claim, reporting-lag or early-claim checks; the lake is split by effective year only',
    accepts: legacyDate,
  },
  {
    name: 'reported_date',
    kind: 'date',
    required: false,
    synonyms: ['report_date', 'reported', 'date_reported', 'notification_date', 'notice_date', 'rpt_date', 'fnol_date'],
    description: 'the date the claim was reported',
    withoutIt: 'no reporting-lag figures',
    accepts: legacyDate,
  },
  {
    name: 'claim_amount',
    kind: 'amount',
    required: false,
    synonyms: ['paid_amount', 'amount_paid', 'paid', 'paid_amt', 'paid_loss', 'loss_amount', 'claim_amt', 'clm_amt'],
    description: 'the amount paid (or claimed) on the claim',
    withoutIt: 'no incurred losses, severity or loss ratio',
    accepts: legacyAmount,
  },
  {
    name: 'reserve_amount',
    kind: 'amount',
    required: false,
    synonyms: ['reserve', 'case_reserve', 'outstanding', 'outstanding_reserve', 'os_reserve', 'reserve_amt'],
    description: 'the reserve still held on the claim',
    withoutIt: 'incurred losses are the claim amounts alone, with no outstanding reserve',
    accepts: legacyAmount,
  },
  {
    name: 'claim_status',
    kind: 'category',
    required: false,
    synonyms: ['status', 'clm_status', 'clmstat', 'clm_stat', 'claim_state'],
    description: 'the claim’s status (OP, PD, RO, CL, DN)',
    withoutIt: 'every claim amount counts as incurred (none is known to be denied or closed without payment)',
    accepts: claimStatusCode,
  },
];

export const INSURANCE_FIELDS: FieldSet = {
  useCase: 'insurance_ai',
  fields: FIELDS,
  requireOneOf: [{ groups: [['premium'], ['claim_id']], reason: 'a policy register needs premium, a claims register claim_id' }],
};

/** Fields that describe the policy: every line of one policy must agree on them. */
export const POLICY_LEVEL_FIELDS = ['holder_name', 'line_of_business', 'effective_date', 'premium'] as const satisfies readonly InsuranceField[];

/** Fields a line must fill when the file has them; contact details are optional because legacy data lacks them. */
export const REQUIRED_WHEN_PRESENT: readonly InsuranceField[] = ['holder_name', 'line_of_business', 'state', 'effective_date', 'premium'];

/** Fields that describe a claim: they are read only when the file identifies claims. */
export const CLAIM_FIELDS = [
  'claim_id',
  'claim_date',
  'reported_date',
  'claim_amount',
  'reserve_amount',
  'claim_status',
] as const satisfies readonly InsuranceField[];

/** Of the claim fields, those every claim must fill (the reserve and the report date may be empty on a claim). */
export const CLAIM_CORE_FIELDS = ['claim_date', 'claim_amount', 'claim_status'] as const satisfies readonly InsuranceField[];

/**
 * The fields the journeys read from a file: those mapped, except claim details in a file without
 * claim ids, which cannot be told apart as claims.
 */
export function fieldsRead(mapping: Pick<FieldMapping, 'fields'>): ReadonlySet<InsuranceField> {
  const mapped = new Set(mapping.fields.map((f) => f.field as InsuranceField));
  if (!mapped.has('claim_id')) for (const field of CLAIM_FIELDS) mapped.delete(field);
  return mapped;
}

/** Claim fields a file maps but that are not read, with the reason, for the reports. */
export function claimFieldsIgnored(mapping: Pick<FieldMapping, 'fields'>): InsuranceField[] {
  const read = fieldsRead(mapping);
  return mapping.fields.map((f) => f.field as InsuranceField).filter((f) => !read.has(f));
}
