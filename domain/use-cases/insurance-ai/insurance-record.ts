import type { ClaimStatus, LineOfBusiness } from './code-lists.js';

/**
 * One validated extract line: codes checked, dates as ISO `YYYY-MM-DD`, amounts as numbers.
 * Field names are the extract's column names so the record, the lake and the masked output
 * share one vocabulary.
 */
export interface InsuranceRecord {
  /** The line of the uploaded file this record came from. */
  source_line: number;
  policy_number: string;
  holder_name: string;
  /** `NNN-NN-NNNN` when the extract held nine digits, otherwise as given. */
  national_id: string | null;
  email: string | null;
  phone: string | null;
  line_of_business: LineOfBusiness;
  state: string;
  effective_date: string;
  premium: number;
  claim_id: string | null;
  claim_date: string | null;
  claim_amount: number | null;
  claim_status: ClaimStatus | null;
}
