import { decodeUtf8 } from './utf8-text.js';

/**
 * Personal data a profile can carry, told by the column's name and by the shape of its values:
 * legacy extracts call a column `FLD07`, and a column called `contact` may be all e-mail
 * addresses. Pure, so every use case's EDA pass classifies columns the same way.
 */
export type PersonalDataKind = 'national_id' | 'email' | 'phone' | 'person_name';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = ['national_id', 'email', 'phone', 'person_name'];

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  national_id: 'national id',
  email: 'e-mail address',
  phone: 'phone number',
  person_name: 'person name',
};

export const PERSONAL_DATA_PLURALS: Record<PersonalDataKind, string> = {
  national_id: 'national ids',
  email: 'e-mail addresses',
  phone: 'phone numbers',
  person_name: 'person names',
};

/** Share of the sampled values that must have a kind's shape for the column to be that kind. */
export const SHAPE_SHARE = 0.6;
/** The first values of a column checked for shapes: enough to tell, cheap on a file of any size. */
export const SHAPE_SAMPLE = 256;
/** Names vary; a handful of two-word labels repeated down the column ("Personal auto") are categories, not people. */
const MIN_NAME_DISTINCT_SHARE = 0.3;

const SHAPES: Record<PersonalDataKind, RegExp> = {
  // Area-group-serial, dashes or spaces. Nine bare digits are left to the column name: too many account numbers look like that.
  national_id: /^\d{3}[- ]\d{2}[- ]\d{4}$/,
  email: /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/,
  // North American numbers (area and exchange codes start 2-9), or any international number written with a leading +.
  phone: /^(?:(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[\s.-]?[2-9]\d{2}[\s.-]?\d{4}|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4})$/,
  // Two to four words of letters, "LAST, FIRST" or "First Last"; apostrophes, dots and hyphens inside. CJK names have no space: the name decides those.
  person_name: /^\p{L}[\p{L}'.-]*(?:,?\s+\p{L}[\p{L}'.-]*){1,3}$/u,
};

/** The same shapes inside free text ("call 555-201-3344"), to withhold from any value that is shown. */
const EMBEDDED: readonly [PersonalDataKind, RegExp][] = [
  ['email', /[^\s@<>"',;()]+@[^\s@<>"',;()]+\.[A-Za-z]{2,}/g],
  ['national_id', /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g],
  ['phone', /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)/g],
];

const NAME_HINTS: readonly [PersonalDataKind, RegExp][] = [
  ['national_id', /(^|_)(ssn|sin|tin|nino|social_?security(_?(no|number|nr))?|national_?id|tax_?id|passport(_?(no|number|nr))?|personal_?id|id_?card)($|_)/],
  ['email', /(^|_)e_?mail(_?address)?($|_)/],
  ['phone', /(^|_)(phone|telephone|tel|mobile|cell|fax)(_?(no|number|nr))?($|_)/],
  [
    'person_name',
    /^(name|full_?name|holder|insured|policyholder|claimant|driver|patient|customer|client|contact)$|(^|_)(first|last|full|given|family|sur|middle|maiden|holder|insured|customer|client|person|contact|driver|owner|patient|employee|user|claimant|account_?holder|policy_?holder|beneficiary)_?(name|nm)$/,
  ],
];

/** Names of things, not people: two capitalised words there are a city, a product or a company. */
const NOT_A_PERSON =
  /(^|_)(city|town|street|address|country|region|state|county|product|item|title|description|category|company|employer|brand|make|model|vendor|merchant|store|shop|team|department|school|status|type|label|road|weather|place|location|site|ward|plan)($|_)/;

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** What gave it away: the column's name, its values' shape, or both. */
  by: 'name' | 'values' | 'name and values';
  /** Share of the sampled values with the kind's shape (0 when only the name told). */
  shapeShare: number;
}

/**
 * Counts, over a column's first values, how many have each kind's shape. Each sampled value's
 * shapes are kept (one bit per kind), so the first values of a file read in parts are the first
 * part's, then the next part's, as in one read.
 */
export class PersonalDataShapes {
  sampled = 0;
  readonly matches: Record<PersonalDataKind, number> = { national_id: 0, email: 0, phone: 0, person_name: 0 };
  private readonly shapesOfSampled = new Uint8Array(SHAPE_SAMPLE);

  get open(): boolean {
    return this.sampled < SHAPE_SAMPLE;
  }

  offerBytes(bytes: Uint8Array, start: number, end: number): void {
    if (end > start) this.offer(decodeUtf8(bytes, start, end, false));
  }

  offer(text: string): void {
    const value = text.trim();
    if (value === '' || !this.open) return;
    let shapes = 0;
    PERSONAL_DATA_KINDS.forEach((kind, bit) => {
      if (SHAPES[kind].test(value)) shapes |= 1 << bit;
    });
    this.note(shapes);
  }

  /** Adds the other part's first values after this part's, while the sample has room. */
  merge(other: PersonalDataShapes): void {
    for (let i = 0; i < other.sampled && this.open; i++) this.note(other.shapesOfSampled[i]!);
  }

  toState(): Uint8Array {
    return this.shapesOfSampled.slice(0, this.sampled);
  }

  static fromState(shapesOfSampled: Uint8Array): PersonalDataShapes {
    const shapes = new PersonalDataShapes();
    for (const sampled of shapesOfSampled) shapes.note(sampled);
    return shapes;
  }

  private note(shapes: number): void {
    this.shapesOfSampled[this.sampled++] = shapes;
    PERSONAL_DATA_KINDS.forEach((kind, bit) => {
      if (shapes & (1 << bit)) this.matches[kind]++;
    });
  }
}

/** camelCase and punctuation to snake_case, lower case: `HolderName`, `holder-name` and `HOLDER NAME` read alike. */
export function normalizedColumnName(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The kind of personal data a column holds, if any: its values' shape when most sampled values
 * have one, else what its name says. A name alone is enough: withholding a clean column costs
 * little, showing a dirty one costs a lot.
 */
export function classifyColumn(name: string, shapes: PersonalDataShapes, distinctShare: number): PersonalDataFinding | undefined {
  const normalized = normalizedColumnName(name);
  const hinted = NAME_HINTS.find(([, pattern]) => pattern.test(normalized))?.[0];
  const share = (kind: PersonalDataKind) => (shapes.sampled === 0 ? 0 : shapes.matches[kind] / shapes.sampled);
  const couldBeNames = distinctShare >= MIN_NAME_DISTINCT_SHARE && !NOT_A_PERSON.test(normalized);
  const shaped = PERSONAL_DATA_KINDS.filter((kind) => share(kind) >= SHAPE_SHARE && (kind !== 'person_name' || couldBeNames))
    // Earlier kinds are the more specific shapes and win ties.
    .reduce<PersonalDataKind | undefined>((best, kind) => (best === undefined || share(kind) > share(best) ? kind : best), undefined);
  // A name-shaped column named for another kind (a phone column of "n/a, unknown") is the kind its name says.
  const kind = shaped && !(shaped === 'person_name' && hinted && hinted !== 'person_name') ? shaped : hinted;
  if (!kind) return undefined;
  const byValues = share(kind) >= SHAPE_SHARE;
  const byName = hinted === kind;
  return { kind, by: byName && byValues ? 'name and values' : byName ? 'name' : 'values', shapeShare: Math.round(share(kind) * 1000) / 1000 };
}

/** Free text with any e-mail address, national id or phone number inside replaced by what it was. */
export function withholdEmbedded(text: string): string {
  let out = text;
  for (const [kind, pattern] of EMBEDDED) out = out.replace(pattern, `[${PERSONAL_DATA_LABELS[kind]} withheld]`);
  return out;
}
