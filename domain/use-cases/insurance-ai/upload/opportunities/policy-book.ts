import { CompactKeyIndex, grown } from '#domain/collections/compact-key-index.js';
import { LINES_OF_BUSINESS, STATE_CODES, type LineOfBusiness } from '../../shared/code-lists.js';
import type { InsuranceRecord } from '../insurance-record.js';

const LINES = Object.keys(LINES_OF_BUSINESS) as LineOfBusiness[];
const DAY_MS = 86_400_000;
const NO_DATE = -2_147_483_648;

/** One policy as the opportunities read it. */
export interface PolicyView {
  /** Dense id of the holder (see {@link holderKey}). */
  holder: number;
  lineOfBusiness: LineOfBusiness | null;
  /** Days since 1970-01-01 of the effective date; null when the file has none. */
  effectiveDay: number | null;
  premium: number | null;
  claims: number;
  state: string | null;
}

/**
 * The same person is recognised across policies by national id, else email, else name: legacy
 * systems have no customer key, and the national id is the one field two systems agree on.
 */
export function holderKey(record: InsuranceRecord): string {
  if (record.national_id) return `id:${record.national_id}`;
  if (record.email) return `email:${record.email}`;
  if (record.holder_name) return `name:${record.holder_name.toUpperCase()}`;
  // A file without any holder detail: each policy is its own holder, as far as anyone can tell.
  return `policy:${record.policy_number}`;
}

/**
 * Every policy of the extract with what its first line says of it (holder, line, effective date,
 * premium: policy-level fields, which validation made agree across its lines), the number of its
 * claim lines, and the state of its last line. Held in typed columns under compact keys, about
 * 40 bytes a policy, so the book of a multi-gigabyte extract fits a step's memory.
 */
export class PolicyBook {
  private readonly ids = new CompactKeyIndex(4096);
  private readonly holderIds = new CompactKeyIndex(4096);
  private holder = new Int32Array(4096);
  private line = new Uint8Array(4096);
  private state = new Uint8Array(4096);
  private effective = new Int32Array(4096);
  private premium = new Float64Array(4096);
  private claimCounts = new Uint32Array(4096);
  /** Whether the record last added was its policy's first line. */
  firstOfPolicy = false;

  get size(): number {
    return this.ids.size;
  }

  get holders(): number {
    return this.holderIds.size;
  }

  add(record: InsuranceRecord): void {
    const id = this.ids.idOf(record.policy_number);
    this.firstOfPolicy = this.ids.added;
    if (this.firstOfPolicy) {
      const n = id + 1;
      [this.holder, this.line, this.state, this.effective, this.premium, this.claimCounts] = [
        grown(this.holder, n),
        grown(this.line, n),
        grown(this.state, n),
        grown(this.effective, n),
        grown(this.premium, n),
        grown(this.claimCounts, n),
      ];
      this.holder[id] = this.holderIds.idOf(holderKey(record));
      this.line[id] = record.line_of_business === null ? 0 : LINES.indexOf(record.line_of_business) + 1;
      this.effective[id] = record.effective_date === null ? NO_DATE : Date.parse(`${record.effective_date}T00:00:00Z`) / DAY_MS;
      this.premium[id] = record.premium ?? Number.NaN;
      this.claimCounts[id] = 0;
    }
    this.state[id] = record.state === null ? 0 : STATE_CODES.indexOf(record.state as (typeof STATE_CODES)[number]) + 1;
    if (record.claim_id !== null) this.claimCounts[id]!++;
  }

  /** The policies in first-seen order; each view is a fresh small object. */
  *policies(): Generator<PolicyView> {
    for (let id = 0; id < this.ids.size; id++) {
      const line = this.line[id]!;
      const state = this.state[id]!;
      const premium = this.premium[id]!;
      yield {
        holder: this.holder[id]!,
        lineOfBusiness: line === 0 ? null : LINES[line - 1]!,
        effectiveDay: this.effective[id] === NO_DATE ? null : this.effective[id]!,
        premium: Number.isNaN(premium) ? null : premium,
        claims: this.claimCounts[id]!,
        state: state === 0 ? null : STATE_CODES[state - 1]!,
      };
    }
  }
}

/** Every line of business, in code-list order: an index into it fits a bit of a mask. */
export const LINE_CODES: readonly LineOfBusiness[] = LINES;

/** Days since 1970-01-01 of an ISO date. */
export function dayOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}
