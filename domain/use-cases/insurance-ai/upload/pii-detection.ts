import { DistinctCounter } from '#domain/collections/distinct-counter.js';

/**
 * Finds personal data by what the values look like, not only by what the column is called:
 * legacy extracts name columns `FLD07` or `CUST_REF`, and a column called `notes` may be full of
 * phone numbers. A column counts as holding a kind of PII when at least
 * {@link DETECTION_THRESHOLD} of its non-empty values match that kind's pattern. A column name
 * that suggests PII is reported separately and is enough on its own to mask the column: masking
 * a clean column costs little, leaking a dirty one costs a lot.
 */
export type PiiKind = 'national_id' | 'email' | 'phone' | 'person_name';

export const PII_KINDS: readonly PiiKind[] = ['national_id', 'email', 'phone', 'person_name'];

export const DETECTION_THRESHOLD = 0.6;

/** Person names are many and varied; a short list of repeated two-word labels is not names. */
const MIN_NAME_DISTINCT_RATIO = 0.3;

const PATTERNS: Record<PiiKind, RegExp> = {
  // SSN-shaped: area-group-serial. Nine bare digits are not matched: too many account numbers look like that.
  national_id: /^\d{3}-\d{2}-\d{4}$/,
  email: /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/,
  // North American numbers: area and exchange codes start 2-9, separators and +1 optional.
  phone: /^(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[\s.-]?[2-9]\d{2}[\s.-]?\d{4}$/,
  // Two to four alphabetic words, "LAST, FIRST" or "First Last", apostrophes and hyphens allowed.
  person_name: /^\p{L}[\p{L}'.-]*(?:,?\s+\p{L}[\p{L}'.-]*){1,3}$/u,
};

const NAME_HINTS: readonly [PiiKind, RegExp][] = [
  ['national_id', /ssn|social|national_id|tax_id|\btin\b/i],
  ['email', /e_?mail/i],
  ['phone', /phone|mobile|\btel|fax/i],
  ['person_name', /^name$|(^|_)(holder|insured|customer|first|last|full|person|contact|given|family|sur)_?name$/i],
];

export interface ColumnPii {
  column: string;
  nonEmpty: number;
  distinct: number;
  /** Share of non-empty values matching each kind's pattern, 0..1. */
  matchRates: Record<PiiKind, number>;
  /** The best-matching kind when its rate reaches the threshold. */
  detected: PiiKind | null;
  detectionRate: number;
  /** The kind the column name suggests, if any. */
  nameHint: PiiKind | null;
  /** What the masking will treat the column as: detected kind first, then the name hint. */
  maskAs: PiiKind | null;
}

export function detectColumnPii(column: string, values: readonly unknown[]): ColumnPii {
  const tally = new ColumnPiiTally(column);
  for (const value of values) tally.add(value);
  return tally.result();
}

/** The same detection, one value at a time, for columns of any length. */
export class ColumnPiiTally {
  private nonEmpty = 0;
  private readonly matches: Record<PiiKind, number> = { national_id: 0, email: 0, phone: 0, person_name: 0 };
  private readonly distinct = new DistinctCounter();

  constructor(private readonly column: string) {}

  add(value: unknown): void {
    if (typeof value !== 'string') return;
    const text = value.trim();
    if (text === '') return;
    this.nonEmpty++;
    this.distinct.add(text);
    for (const kind of PII_KINDS) if (PATTERNS[kind].test(text)) this.matches[kind]++;
  }

  result(): ColumnPii {
    const { column, nonEmpty } = this;
    const distinct = this.distinct.count;
    const rate = (kind: PiiKind) => (nonEmpty === 0 ? 0 : Math.round((this.matches[kind] / nonEmpty) * 1000) / 1000);
    const matchRates = Object.fromEntries(PII_KINDS.map((kind) => [kind, rate(kind)])) as Record<PiiKind, number>;
    if (nonEmpty > 0 && distinct / nonEmpty < MIN_NAME_DISTINCT_RATIO) matchRates.person_name = 0;
    // Earlier kinds are the more specific patterns, so they win ties.
    const best = PII_KINDS.reduce((a, b) => (matchRates[b] > matchRates[a] ? b : a));
    const detected = matchRates[best] >= DETECTION_THRESHOLD ? best : null;
    const nameHint = NAME_HINTS.find(([, pattern]) => pattern.test(column))?.[0] ?? null;
    return { column, nonEmpty, distinct, matchRates, detected, detectionRate: matchRates[best], nameHint, maskAs: detected ?? nameHint };
  }
}
