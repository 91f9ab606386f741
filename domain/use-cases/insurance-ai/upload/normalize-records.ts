import { CompactKeyIndex, grown, hashString } from '#domain/collections/compact-key-index.js';
import { CLAIM_STATUSES, LINES_OF_BUSINESS, STATE_CODES, isClaimStatus, isLineOfBusiness, isStateCode, type ClaimStatus } from '../shared/code-lists.js';
import { ALL_CLAIM_COLUMNS, REQUIRED_VALUES, type ExtractColumn } from '../shared/extract-columns.js';
import type { ExtractViolation } from '../shared/extract-violation.js';
import { POLICY_LEVEL_FIELDS } from '../shared/fields.js';
import type { InsuranceRecord } from './insurance-record.js';
import { ACCEPTED_DATE_FORMATS, parseLegacyDate, type LegacyDateFormat } from '../shared/legacy-date.js';
import { parseLegacyAmount, type AmountConvention } from '../shared/legacy-amount.js';
import type { ExtractLine } from '../shared/extract-stream.js';

export interface NormalizationStats {
  /** How many dates were written in each legacy format: evidence of what the file mixes. */
  dateFormats: Partial<Record<LegacyDateFormat, number>>;
  /** All-zero dates read as "no date". */
  legacyNullDates: number;
  /** Negative claim amounts (recoveries such as salvage or subrogation). */
  negativeClaimAmounts: number;
  /** National ids given as nine bare digits and rewritten as NNN-NN-NNNN. */
  reformattedNationalIds: number;
}

/**
 * Turns raw extract lines into typed records one at a time, reporting every violation instead of
 * stopping at the first. `today` (ISO) bounds claim dates: a claim cannot be reported in the future.
 */
export class RecordNormalizer {
  readonly stats: NormalizationStats = { dateFormats: {}, legacyNullDates: 0, negativeClaimAmounts: 0, reformattedNationalIds: 0 };
  private readonly violations: ExtractViolation[] = [];
  private readonly ctx: LineContext;

  constructor(amounts: AmountConvention, today: string, present: ReadonlySet<ExtractColumn>, impliedDecimals: Readonly<Record<string, number>> = {}) {
    this.ctx = { implied: impliedDecimals, amounts, today, stats: this.stats, violations: this.violations, present };
  }

  /** The line's record, or undefined with its violations (in line order) when it has any. */
  normalize(line: ExtractLine): { record: InsuranceRecord } | { violations: ExtractViolation[] } {
    this.violations.length = 0;
    const record = normalizeLine(line, this.ctx);
    return record ? { record } : { violations: [...this.violations] };
  }
}

/** How many policies keep their first line's values word for word, to quote them in a conflict; past this, a conflict names the line only. */
const QUOTED_POLICIES = 100_000;

/**
 * Lines of the same policy must agree on what belongs to the policy; otherwise premium would be
 * counted from whichever line came first and every ratio after it would be arbitrary. Each
 * policy's first line is kept as hashes (compact-key-index.ts), so files of any size are checked
 * in memory that grows with the policies, not the lines.
 */
export class PolicyConsistency {
  private readonly policies = new CompactKeyIndex(4096);
  private firstLines = new Uint32Array(4096);
  private fieldHashes = new Uint32Array(4096 * POLICY_LEVEL_FIELDS.length);
  private readonly quoted: string[][] = [];

  get distinctPolicies(): number {
    return this.policies.size;
  }

  check(record: InsuranceRecord): ExtractViolation[] {
    const id = this.policies.idOf(record.policy_number);
    const width = POLICY_LEVEL_FIELDS.length;
    if (this.policies.added) {
      this.firstLines = grown(this.firstLines, id + 1);
      this.fieldHashes = grown(this.fieldHashes, (id + 1) * width);
      this.firstLines[id] = record.source_line;
      POLICY_LEVEL_FIELDS.forEach((column, f) => (this.fieldHashes[id * width + f] = hashString(String(record[column]))[0]));
      if (id < QUOTED_POLICIES) this.quoted[id] = POLICY_LEVEL_FIELDS.map((column) => String(record[column]));
      return [];
    }
    const violations: ExtractViolation[] = [];
    POLICY_LEVEL_FIELDS.forEach((column, f) => {
      if (hashString(String(record[column]))[0] === this.fieldHashes[id * width + f]) return;
      const earlier = this.quoted[id]?.[f];
      violations.push({
        line: record.source_line,
        code: 'inconsistent_policies',
        column,
        value: String(record[column]),
        message: `policy ${record.policy_number} has ${column} "${record[column]}" here but ${earlier === undefined ? 'another value' : `"${earlier}"`} on line ${this.firstLines[id]}`,
      });
    });
    return violations;
  }
}

interface LineContext {
  implied: Readonly<Record<string, number>>;
  amounts: AmountConvention;
  /** The fields the file has: only those are required to be filled. */
  present: ReadonlySet<ExtractColumn>;
  today: string;
  stats: NormalizationStats;
  violations: ExtractViolation[];
}

function normalizeLine({ line, values }: ExtractLine, ctx: LineContext): InsuranceRecord | undefined {
  const before = ctx.violations.length;
  const raw = (column: ExtractColumn): string => (values[column] ?? '').trim();
  const report = (violation: Omit<ExtractViolation, 'line'>) => ctx.violations.push({ line, ...violation });

  for (const column of REQUIRED_VALUES) {
    if (ctx.present.has(column) && raw(column) === '') report({ code: 'missing_values', column, message: `${column} is empty` });
  }

  const code = <T extends string>(column: ExtractColumn, allowed: readonly string[], is: (c: string) => c is T): T | null => {
    const value = raw(column).toUpperCase();
    if (value === '') return null;
    if (is(value)) return value;
    report({
      code: 'unknown_codes',
      column,
      value: raw(column),
      allowed,
      message: `${column} "${raw(column)}" is not a known code (allowed: ${allowed.join(', ')})`,
    });
    return null;
  };

  const date = (column: ExtractColumn): string | null => {
    const value = raw(column);
    if (value === '') return null;
    const parsed = parseLegacyDate(value);
    if (parsed.kind === 'null') {
      ctx.stats.legacyNullDates++;
      if (REQUIRED_VALUES.includes(column))
        report({ code: 'missing_values', column, value, message: `${column} "${value}" is a legacy "no date"; the column needs a date` });
      return null;
    }
    if (parsed.kind === 'invalid') {
      report({ code: 'invalid_dates', column, value, message: `${column} "${value}" is not a valid date (accepted: ${ACCEPTED_DATE_FORMATS})` });
      return null;
    }
    ctx.stats.dateFormats[parsed.format] = (ctx.stats.dateFormats[parsed.format] ?? 0) + 1;
    return parsed.iso;
  };

  const amount = (column: ExtractColumn): number | null => {
    const value = raw(column);
    if (value === '') return null;
    const decimals = ctx.implied[column] ?? 0;
    const parsed = parseLegacyAmount(value, decimals, ctx.amounts);
    if (parsed === undefined) {
      const expected =
        decimals > 0
          ? `digits with ${decimals} implied decimals and an optional trailing minus`
          : ctx.amounts === 'decimal-comma'
            ? 'a number with a decimal comma such as 1250,00 or 1.250,00 (the file is semicolon-delimited)'
            : 'a number such as 1250.00, 0001250.00, $1,250.00 or 250.00-';
      report({ code: 'invalid_amounts', column, value, message: `${column} "${value}" is not an amount (expected ${expected})` });
      return null;
    }
    return parsed;
  };

  const lineOfBusiness = code('line_of_business', Object.keys(LINES_OF_BUSINESS), isLineOfBusiness);
  const state = code('state', STATE_CODES, isStateCode);
  const effectiveDate = date('effective_date');
  const premium = amount('premium');
  if (premium !== null && premium < 0) {
    report({
      code: 'invalid_amounts',
      column: 'premium',
      value: raw('premium'),
      message: `premium "${raw('premium')}" is negative; a written premium cannot be`,
    });
  }
  const claim = ctx.present.has('claim_id') ? normalizeClaim(raw, { code, date, amount, report }, effectiveDate, ctx) : NO_CLAIM;

  if (ctx.violations.length > before) return undefined;
  return {
    source_line: line,
    policy_number: raw('policy_number'),
    holder_name: raw('holder_name') === '' ? null : raw('holder_name').replace(/\s+/g, ' '),
    national_id: normalizeNationalId(raw('national_id'), ctx.stats),
    email: raw('email') === '' ? null : raw('email').toLowerCase(),
    phone: raw('phone') === '' ? null : raw('phone'),
    line_of_business: lineOfBusiness,
    state,
    effective_date: effectiveDate,
    premium,
    ...claim,
  };
}

interface FieldReaders {
  code<T extends string>(column: ExtractColumn, allowed: readonly string[], is: (c: string) => c is T): T | null;
  date(column: ExtractColumn): string | null;
  amount(column: ExtractColumn): number | null;
  report(violation: Omit<ExtractViolation, 'line'>): void;
}

type ClaimFields = Pick<InsuranceRecord, 'claim_id' | 'claim_date' | 'reported_date' | 'claim_amount' | 'reserve_amount' | 'claim_status'>;
const NO_CLAIM: ClaimFields = { claim_id: null, claim_date: null, reported_date: null, claim_amount: null, reserve_amount: null, claim_status: null };

/** Claim columns are all filled or all empty; zero-filled dates and amounts count as empty. */
function normalizeClaim(raw: (c: ExtractColumn) => string, read: FieldReaders, effectiveDate: string | null, ctx: LineContext): ClaimFields {
  const claimId = raw('claim_id');
  if (claimId === '') {
    const stray = ALL_CLAIM_COLUMNS.filter((column) => column !== 'claim_id' && !/^[0\s./$-]*$/.test(raw(column)));
    if (stray.length > 0)
      read.report({
        code: 'missing_values',
        column: 'claim_id',
        message: `claim_id is empty but ${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} filled`,
      });
    return NO_CLAIM;
  }
  const claimDate = read.date('claim_date');
  const claimAmount = read.amount('claim_amount');
  const claimStatus = read.code<ClaimStatus>('claim_status', Object.keys(CLAIM_STATUSES), isClaimStatus);
  const reportedDate = read.date('reported_date');
  const reserveAmount = read.amount('reserve_amount');
  for (const [column, value] of [
    ['claim_date', claimDate],
    ['claim_amount', claimAmount],
    ['claim_status', claimStatus],
  ] as const) {
    if (!ctx.present.has(column)) continue;
    if (value === null && raw(column).replace(/^[0\s/-]*$/, '') === '')
      read.report({ code: 'missing_values', column, message: `claim ${claimId} has no ${column}` });
  }
  if (reportedDate !== null && claimDate !== null && reportedDate < claimDate) {
    read.report({
      code: 'invalid_dates',
      column: 'reported_date',
      value: raw('reported_date'),
      message: `reported_date ${reportedDate} is before the claim's loss date ${claimDate}`,
    });
  }
  if (claimDate !== null && effectiveDate !== null && claimDate < effectiveDate) {
    read.report({
      code: 'invalid_dates',
      column: 'claim_date',
      value: raw('claim_date'),
      message: `claim_date ${claimDate} is before the policy's effective_date ${effectiveDate}`,
    });
  }
  if (claimDate !== null && claimDate > ctx.today) {
    read.report({
      code: 'invalid_dates',
      column: 'claim_date',
      value: raw('claim_date'),
      message: `claim_date ${claimDate} is in the future (today is ${ctx.today})`,
    });
  }
  if (claimAmount !== null && claimAmount < 0) ctx.stats.negativeClaimAmounts++;
  return {
    claim_id: claimId,
    claim_date: claimDate,
    reported_date: reportedDate,
    claim_amount: claimAmount,
    reserve_amount: reserveAmount,
    claim_status: claimStatus,
  };
}

function normalizeNationalId(value: string, stats: NormalizationStats): string | null {
  if (value === '') return null;
  if (/^\d{9}$/.test(value)) {
    stats.reformattedNationalIds++;
    return `${value.slice(0, 3)}-${value.slice(3, 5)}-${value.slice(5)}`;
  }
  return value;
}
