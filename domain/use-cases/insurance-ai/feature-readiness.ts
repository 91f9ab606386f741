import { mean, normalizedEntropy, standardDeviation } from './stats.js';
import type { ColumnPii } from './pii-detection.js';

export type FeatureType = 'numeric' | 'date' | 'categorical' | 'identifier' | 'text' | 'empty';

export interface FeatureReadiness {
  column: string;
  type: FeatureType;
  /** Share of rows with a value, 0..1. */
  completeness: number;
  distinct: number;
  /** Distinct values over present values: near 1 is an identifier, near 0 a category. */
  distinctRatio: number;
  /** Sample variance, for numeric columns. */
  variance: number | null;
  /** Coefficient of variation for numbers, range in years for dates, normalised entropy for categories. */
  spread: number | null;
  pii: boolean;
  /** 0..1: how usable the column is as a model feature as it stands. */
  score: number;
  ready: boolean;
  reasons: string[];
}

/** Score from which a column is usable without further work. */
export const READY_SCORE = 0.6;
/** More distinct values than this and a category needs bucketing or embedding first. */
const MAX_CATEGORIES = 50;
/** A string column (nearly) unique per row is a key, not a feature; judged only from this many values. */
const IDENTIFIER_DISTINCT_RATIO = 0.9;
/** Past the category limit, a column this unique is still a key rather than free text. */
const HIGH_CARDINALITY_IDENTIFIER_RATIO = 0.5;
const IDENTIFIER_MIN_VALUES = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Scores a column as a model feature. PII, identifiers and constants score (near) zero whatever
 * else they look like; otherwise the score weighs completeness (0.5), spread (0.3) and a usable
 * cardinality (0.2), scaled by how directly the type feeds a model (numbers as they are,
 * categories after encoding, dates only through derived features such as tenure).
 */
export function assessFeature(column: string, values: readonly unknown[], pii: ColumnPii): FeatureReadiness {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  const completeness = values.length === 0 ? 0 : round(present.length / values.length);
  const distinct = new Set(present.map((v) => String(v))).size;
  const type = featureType(present, distinct);
  const variance = type === 'numeric' ? round(standardDeviation(present as number[]) ** 2) : null;
  const base = { column, type, completeness, distinct, distinctRatio: present.length === 0 ? 0 : round(distinct / present.length), variance, pii: pii.maskAs !== null };
  const reasons: string[] = [];
  if (completeness < 1) reasons.push(`${Math.round((1 - completeness) * 100)}% of rows have no value`);

  if (pii.maskAs !== null) {
    reasons.unshift(`holds PII (${pii.maskAs}${pii.detected ? `, ${Math.round(pii.detectionRate * 100)}% of values match` : ', by column name'}): use only masked or derived features`);
    return { ...base, spread: null, score: 0, ready: false, reasons };
  }
  if (type === 'empty') return { ...base, spread: null, score: 0, ready: false, reasons: ['no values'] };
  if (distinct === 1) return { ...base, spread: 0, score: 0.05, ready: false, reasons: [...reasons, 'a single value throughout: carries no signal'] };
  if (type === 'identifier') {
    return { ...base, spread: null, score: 0.05, ready: false, reasons: [...reasons, `${distinct} distinct values in ${present.length} rows: mostly unique, an identifier: useful as a join key, not as a feature`] };
  }

  const spread = spreadOf(type, present);
  const spreadScore = type === 'numeric' ? Math.min(1, spread / 0.5) : type === 'date' ? Math.min(1, spread) : type === 'categorical' ? spread : 0.5;
  const cardinalityScore = type === 'categorical' || type === 'text' ? Math.min(1, MAX_CATEGORIES / distinct) : Math.min(1, distinct / 10);
  const typeFactor = { numeric: 1, categorical: 0.9, date: 0.8, text: 0.4 }[type];
  const score = round(typeFactor * (0.5 * completeness + 0.3 * spreadScore + 0.2 * cardinalityScore));

  if (type === 'numeric') reasons.push(`numeric, coefficient of variation ${spread.toFixed(2)}`);
  if (type === 'date') reasons.push(`dates spanning ${spread.toFixed(1)} years: derive tenure, age or seasonality rather than using them raw`);
  if (type === 'categorical') reasons.push(`${distinct} categories, evenness ${spread.toFixed(2)}: one-hot or target encoding`);
  if (type === 'text') reasons.push(`free text with ${distinct} distinct values: needs bucketing or embedding`);
  if (spreadScore < 0.2) reasons.push('little variation');
  return { ...base, spread: round(spread), score: Math.min(1, Math.max(0, score)), ready: score >= READY_SCORE, reasons };
}

function featureType(present: readonly unknown[], distinct: number): FeatureType {
  if (present.length === 0) return 'empty';
  if (present.every((v) => typeof v === 'number')) return 'numeric';
  if (present.every((v) => typeof v === 'string' && ISO_DATE.test(v))) return 'date';
  const ratio = distinct / present.length;
  if (present.length >= IDENTIFIER_MIN_VALUES && ratio >= IDENTIFIER_DISTINCT_RATIO) return 'identifier';
  if (distinct <= MAX_CATEGORIES) return 'categorical';
  return ratio >= HIGH_CARDINALITY_IDENTIFIER_RATIO ? 'identifier' : 'text';
}

function spreadOf(type: FeatureType, present: readonly unknown[]): number {
  if (type === 'numeric') {
    const numbers = present as number[];
    const m = Math.abs(mean(numbers));
    return m === 0 ? 0 : standardDeviation(numbers) / m;
  }
  if (type === 'date') {
    const days = (present as string[]).map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000);
    // A loop, not Math.max(...days): spreading a million arguments overflows the stack.
    let [min, max] = [Infinity, -Infinity];
    for (const d of days) [min, max] = [Math.min(min, d), Math.max(max, d)];
    return (max - min) / 365.25;
  }
  const counts = new Map<string, number>();
  for (const v of present) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return normalizedEntropy([...counts.values()]);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
