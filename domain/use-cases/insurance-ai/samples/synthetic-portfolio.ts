import type { ClaimStatus, LineOfBusiness } from '../shared/code-lists.js';
import { SeededRandom } from '#domain/randomness/seeded-random.js';

/** The legacy system a policy was written in decides how its line is formatted in the extract. */
export type SourceSystem = 'mainframe' | 'agency' | 'oracle' | 'modern';

export interface SyntheticHolder {
  first: string;
  last: string;
  /** Nine digits in the 9xx area range, which is never issued as a social security number. */
  nationalId: string | null;
  email: string | null;
  /** Ten digits, exchange 555-01xx: the range reserved for fiction. */
  phone: string | null;
  state: string;
}

export interface SyntheticClaim {
  id: string;
  date: string;
  amount: number;
  status: ClaimStatus;
}

export interface SyntheticPolicy {
  number: string;
  holder: SyntheticHolder;
  lob: LineOfBusiness;
  effectiveDate: string;
  premium: number;
  claims: SyntheticClaim[];
  source: SourceSystem;
}

const FIRST_NAMES = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Carlos',
  'Karen',
  'Daniel',
  'Nancy',
  'Matthew',
  'Lisa',
  'Anthony',
  'Betty',
  'Mark',
  'Sandra',
  'Wei',
  'Ashley',
  'Luis',
  'Kimberly',
  'Steven',
  'Emily',
  'Andrew',
  'Donna',
  'Kenji',
  'Michelle',
  'Jose',
  'Mary-Ann',
  'Priya',
  'Omar',
];
const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  "O'Brien",
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Chen',
  'Patel',
];
const STATES: readonly [string, number][] = [
  ['CA', 15],
  ['TX', 12],
  ['FL', 9],
  ['NY', 8],
  ['IL', 6],
  ['PA', 5],
  ['OH', 5],
  ['GA', 4],
  ['NC', 4],
  ['MI', 4],
  ['NJ', 3],
  ['VA', 3],
  ['WA', 3],
  ['AZ', 3],
  ['MA', 3],
  ['CO', 2],
  ['MN', 2],
  ['OR', 2],
  ['TN', 2],
  ['WI', 2],
  ['DC', 1],
  ['VT', 1],
];
const AREA_CODES = ['212', '312', '415', '512', '617', '713', '305', '404', '206', '303', '602', '919'];
const SOURCES: readonly [SourceSystem, number][] = [
  ['mainframe', 35],
  ['agency', 25],
  ['oracle', 20],
  ['modern', 20],
];

interface LineProfile {
  weight: number;
  premium: [number, number];
  /** Expected claims per policy. */
  claimRate: number;
  /** The loss ratio the line is generated around, so lines differ the way real books do. */
  lossRatio: number;
}

const LINES: Record<LineOfBusiness, LineProfile> = {
  AUTO: { weight: 35, premium: [600, 2400], claimRate: 0.3, lossRatio: 0.6 },
  HOME: { weight: 25, premium: [900, 3600], claimRate: 0.22, lossRatio: 0.98 },
  LIFE: { weight: 12, premium: [300, 1500], claimRate: 0.02, lossRatio: 0.3 },
  HLTH: { weight: 10, premium: [2400, 7200], claimRate: 0.8, lossRatio: 0.72 },
  COMM: { weight: 10, premium: [4000, 30000], claimRate: 0.25, lossRatio: 0.85 },
  UMBR: { weight: 8, premium: [200, 600], claimRate: 0.03, lossRatio: 0.3 },
};

/** The extract's "as of" date: no claim is dated after it. */
export const EXTRACT_AS_OF = '2025-12-31';

/**
 * A deterministic book of policies with the texture of a real one: holders with several lines,
 * lines with different loss experience, old life policies from the 1990s, a few claims right
 * after inception, a few extreme amounts, and recoveries booked as negative claims.
 */
export function syntheticPortfolio(seed: number, policyCount: number): SyntheticPolicy[] {
  const rng = new SeededRandom(seed);
  const policies: SyntheticPolicy[] = [];
  let claimSeq = 0;
  while (policies.length < policyCount) {
    const holder = syntheticHolder(rng);
    const lines = holderLines(rng);
    for (const lob of lines) {
      if (policies.length >= policyCount) break;
      const profile = LINES[lob];
      const effectiveDate = effectiveDateFor(rng, lob);
      const premium = cents(rng.between(...profile.premium));
      const claims: SyntheticClaim[] = [];
      const claimCount = geometric(rng, profile.claimRate);
      for (let i = 0; i < claimCount; i++) claims.push(syntheticClaim(rng, ++claimSeq, profile, effectiveDate));
      policies.push({
        number: `POL${String(100000 + policies.length * 7).padStart(7, '0')}`,
        holder,
        lob,
        effectiveDate,
        premium,
        claims,
        source: weighted(rng, SOURCES),
      });
    }
  }
  return policies;
}

function syntheticHolder(rng: SeededRandom): SyntheticHolder {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const digits = (n: number) => Array.from({ length: n }, () => rng.integer(0, 9)).join('');
  return {
    first,
    last,
    nationalId: rng.next() < 0.03 ? null : `9${digits(2)}${String(rng.integer(1, 99)).padStart(2, '0')}${String(rng.integer(1, 9999)).padStart(4, '0')}`,
    email: rng.next() < 0.08 ? null : `${first}.${last}${rng.integer(1, 999)}@example.${rng.pick(['com', 'org', 'net'])}`.toLowerCase().replace(/'/g, ''),
    phone: rng.next() < 0.06 ? null : `${rng.pick(AREA_CODES)}55501${digits(2)}`,
    state: weighted(rng, STATES),
  };
}

/** Most holders have one line; about a third have two or three, never the same line twice. */
function holderLines(rng: SeededRandom): LineOfBusiness[] {
  const count = rng.next() < 0.68 ? 1 : rng.next() < 0.8 ? 2 : 3;
  const lines = new Set<LineOfBusiness>();
  const choices = Object.entries(LINES).map(([lob, p]) => [lob as LineOfBusiness, p.weight] as const);
  while (lines.size < count) lines.add(weighted(rng, choices));
  return [...lines];
}

function effectiveDateFor(rng: SeededRandom, lob: LineOfBusiness): string {
  // Whole-life policies written decades ago are still on the books; they exercise the 19xx pivot.
  if (lob === 'LIFE' && rng.next() < 0.3) return dayIn(rng, '1988-01-01', '1999-12-31');
  return dayIn(rng, '2019-01-01', '2025-06-30');
}

function syntheticClaim(rng: SeededRandom, seq: number, profile: LineProfile, effectiveDate: string): SyntheticClaim {
  const id = `C${String(seq).padStart(9, '0')}`;
  const start = effectiveDate > '2018-01-01' ? effectiveDate : '2018-01-01';
  const early = rng.next() < 0.04;
  const date = early ? addDays(effectiveDate, rng.integer(1, 25)) : dayIn(rng, start, minDate(addDays(start, 3 * 365), EXTRACT_AS_OF));
  const severity = (profile.lossRatio * ((profile.premium[0] + profile.premium[1]) / 2)) / profile.claimRate;
  if (rng.next() < 0.02) return { id, date, amount: -cents(severity * rng.between(0.05, 0.3)), status: 'PD' };
  const sigma = 0.9;
  let amount = Math.exp(rng.normal(Math.log(severity) - (sigma * sigma) / 2, sigma));
  if (rng.next() < 0.012) amount *= rng.between(6, 12);
  const recent = date > addDays(EXTRACT_AS_OF, -90);
  const status: ClaimStatus =
    recent && rng.next() < 0.7
      ? 'OP'
      : weighted(rng, [
          ['PD', 65],
          ['CL', 12],
          ['DN', 10],
          ['RO', 5],
          ['OP', 8],
        ] as const);
  return { id, date: minDate(date, EXTRACT_AS_OF), amount: cents(amount), status };
}

function geometric(rng: SeededRandom, mean: number): number {
  const p = mean / (1 + mean);
  let k = 0;
  while (rng.next() < p && k < 6) k++;
  return k;
}

function weighted<T>(rng: SeededRandom, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let x = rng.next() * total;
  for (const [value, w] of choices) if ((x -= w) < 0) return value;
  return choices[choices.length - 1]![0];
}

function dayIn(rng: SeededRandom, fromIso: string, toIso: string): string {
  const from = Date.parse(`${fromIso}T00:00:00Z`);
  const to = Date.parse(`${toIso}T00:00:00Z`);
  return new Date(from + rng.integer(0, Math.max(0, Math.round((to - from) / 86_400_000))) * 86_400_000).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
