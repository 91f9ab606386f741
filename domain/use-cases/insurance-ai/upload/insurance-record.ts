import type { ClaimStatus, LineOfBusiness } from '../shared/code-lists.js';

/**
 * One validated extract line: codes checked, dates as ISO `YYYY-MM-DD`, amounts as numbers.
 * Field names are the insurance fields' names so the record, the lake and the masked output
 * share one vocabulary. A field the file does not have is null on every record (a claims
 * register has no premium, a policy register no claims); a field it has is filled where the
 * rules require it.
 */
export interface InsuranceRecord {
  /** The line of the uploaded file this record came from. */
  source_line: number;
  policy_number: string;
  holder_name: string | null;
  /** `NNN-NN-NNNN` when the extract held nine digits, otherwise as given. */
  national_id: string | null;
  email: string | null;
  phone: string | null;
  line_of_business: LineOfBusiness | null;
  state: string | null;
  effective_date: string | null;
  premium: number | null;
  claim_id: string | null;
  claim_date: string | null;
  reported_date: string | null;
  claim_amount: number | null;
  reserve_amount: number | null;
  claim_status: ClaimStatus | null;
}
