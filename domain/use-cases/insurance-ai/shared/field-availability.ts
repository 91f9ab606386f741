import { FIELD_MAPPING_ARTIFACT, type FieldMapping } from '#domain/fields/index.js';
import type { StepContext } from '#domain/journeys/step-definition.js';
import { fieldsRead, type InsuranceField } from './fields.js';

/** The fields an upload's file has, as validation mapped them; the later steps decide by it what they can compute. */
export type FileFields = ReadonlySet<InsuranceField>;

/**
 * The fields of this journey's upload, from the mapping validation stored. Records alone cannot
 * tell: a combined extract without a single claim and a policy register both have no claim on
 * any record, but only the first says the policies had no losses.
 */
export async function fieldsOfUpload(context: Pick<StepContext, 'readArtifactJson'>): Promise<FileFields> {
  return fieldsRead(await context.readArtifactJson<FieldMapping>(FIELD_MAPPING_ARTIFACT));
}

/** What kind of file this is, in the words a claims or policy administrator uses. */
export type FileShape = 'policies and claims' | 'claims register' | 'policy register';

export function fileShape(fields: FileFields): FileShape {
  if (!fields.has('claim_id')) return 'policy register';
  return fields.has('premium') ? 'policies and claims' : 'claims register';
}

/** A figure or analysis a step could not compute, and why, said to the user. */
export interface FigureLeftOut {
  figure: string;
  because: string;
}

/** How a missing field reads in a sentence: "the file has no premium". */
const IN_WORDS: Record<InsuranceField, string> = {
  policy_number: 'policy numbers',
  holder_name: 'holder names',
  national_id: 'national ids',
  email: 'email addresses',
  phone: 'phone numbers',
  line_of_business: 'line of business',
  state: 'state',
  effective_date: 'effective dates',
  premium: 'premium',
  claim_id: 'claims (no claim id column)',
  claim_date: 'loss dates',
  reported_date: 'report dates',
  claim_amount: 'claim amounts',
  reserve_amount: 'reserves',
  claim_status: 'claim status',
};

/** The first of `needed` the file lacks, or undefined when it has them all. */
export function firstMissing(fields: FileFields, needed: readonly InsuranceField[]): InsuranceField | undefined {
  return needed.find((field) => !fields.has(field));
}

/** The figure is left out when the file lacks any of `needed`; the reason names the first one missing. */
export function leftOutUnless(fields: FileFields, figure: string, needed: readonly InsuranceField[]): FigureLeftOut[] {
  const missing = firstMissing(fields, needed);
  return missing === undefined ? [] : [{ figure, because: `the file has no ${IN_WORDS[missing]}` }];
}

/** `no loss ratio: the file has no premium; ...`, for step summaries and the delivery note. */
export function describeLeftOut(leftOut: readonly FigureLeftOut[]): string | null {
  return leftOut.length === 0 ? null : leftOut.map((l) => `no ${l.figure}: ${l.because}`).join('; ');
}
