import { DistinctCounter } from '#domain/collections/distinct-counter.js';
import { normalizedEntropy } from './stats.js';
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
 * What scoring needs to know of a column, gathered one value at a time: counts, exact distinct
 * values while few (then an estimate), running mean and variance (Welford), the date range and
 * the category counts while the column could still be a category.
 */
export class FeatureTally {
  private values = 0;
  private present = 0;
  private allNumbers = true;
  private allDates = true;
  private readonly distinct = new DistinctCounter();
  private mean = 0;
  private squares = 0;
  private firstDay = Infinity;
  private lastDay = -Infinity;
  private categories: Map<string, number> | undefined = new Map();

  add(value: unknown): void {
    this.values++;
    if (value === null || value === undefined || value === '') return;
    this.present++;
    const text = String(value);
    this.distinct.add(text);
    if (typeof value === 'number') {
      const delta = value - this.mean;
      this.mean += delta / this.present;
      this.squares += delta * (value - this.mean);
    } else this.allNumbers = false;
    if (typeof value === 'string' && ISO_DATE.test(value)) {
      const day = Date.parse(`${value}T00:00:00Z`) / 86_400_000;
      if (day < this.firstDay) this.firstDay = day;
      if (day > this.lastDay) this.lastDay = day;
    } else this.allDates = false;
    if (this.categories) {
      this.categories.set(text, (this.categories.get(text) ?? 0) + 1);
      if (this.categories.size > MAX_CATEGORIES) this.categories = undefined;
    }
  }

  summary(): FeatureSummary {
    const { values, present } = this;
    const distinct = this.distinct.count;
    const type = featureType(present, distinct, this.allNumbers, this.allDates);
    const sd = type === 'numeric' && present >= 2 ? Math.sqrt(this.squares / (present - 1)) : 0;
    const spread =
      type === 'numeric'
        ? Math.abs(this.mean) === 0
          ? 0
          : sd / Math.abs(this.mean)
        : type === 'date'
          ? (this.lastDay - this.firstDay) / 365.25
          : this.categories
            ? normalizedEntropy([...this.categories.values()])
            : 0;
    return { values, present, distinct, type, variance: type === 'numeric' ? sd ** 2 : null, spread };
  }
}

export interface FeatureSummary {
  values: number;
  present: number;
  distinct: number;
  type: FeatureType;
  variance: number | null;
  /** Coefficient of variation for numbers, range in years for dates, normalised entropy for categories (0 past the category limit). */
  spread: number;
}

export function assessFeature(column: string, values: readonly unknown[], pii: ColumnPii): FeatureReadiness {
  const tally = new FeatureTally();
  for (const value of values) tally.add(value);
  return scoreFeature(column, tally.summary(), pii);
}

/**
 * Scores a column as a model feature. PII, identifiers and constants score (near) zero whatever
 * else they look like; otherwise the score weighs completeness (0.5), spread (0.3) and a usable
 * cardinality (0.2), scaled by how directly the type feeds a model (numbers as they are,
 * categories after encoding, dates only through derived features such as tenure).
 */
export function scoreFeature(column: string, summary: FeatureSummary, pii: ColumnPii): FeatureReadiness {
  const { values, present, distinct, type } = summary;
  const completeness = values === 0 ? 0 : round(present / values);
  const variance = summary.variance === null ? null : round(summary.variance);
  const base = { column, type, completeness, distinct, distinctRatio: present === 0 ? 0 : round(distinct / present), variance, pii: pii.maskAs !== null };
  const reasons: string[] = [];
  if (completeness < 1) reasons.push(`${Math.round((1 - completeness) * 100)}% of rows have no value`);

  if (pii.maskAs !== null) {
    reasons.unshift(
      `holds PII (${pii.maskAs}${pii.detected ? `, ${Math.round(pii.detectionRate * 100)}% of values match` : ', by column name'}): use only masked or derived features`,
    );
    return { ...base, spread: null, score: 0, ready: false, reasons };
  }
  if (type === 'empty') return { ...base, spread: null, score: 0, ready: false, reasons: ['no values'] };
  if (distinct === 1) return { ...base, spread: 0, score: 0.05, ready: false, reasons: [...reasons, 'a single value throughout: carries no signal'] };
  if (type === 'identifier') {
    return {
      ...base,
      spread: null,
      score: 0.05,
      ready: false,
      reasons: [...reasons, `${distinct} distinct values in ${present} rows: mostly unique, an identifier: useful as a join key, not as a feature`],
    };
  }

  const spread = summary.spread;
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

function featureType(present: number, distinct: number, allNumbers: boolean, allDates: boolean): FeatureType {
  if (present === 0) return 'empty';
  if (allNumbers) return 'numeric';
  if (allDates) return 'date';
  const ratio = distinct / present;
  if (present >= IDENTIFIER_MIN_VALUES && ratio >= IDENTIFIER_DISTINCT_RATIO) return 'identifier';
  if (distinct <= MAX_CATEGORIES) return 'categorical';
  return ratio >= HIGH_CARDINALITY_IDENTIFIER_RATIO ? 'identifier' : 'text';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
