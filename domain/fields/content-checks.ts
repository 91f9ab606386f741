import type { FieldKind, FieldSpec } from './field-spec.js';
import { detectInstantEncoding, parseInstant } from './instant.js';
import { parseIsoTimestamp } from './iso-timestamp.js';
import { readNumber } from './read-number.js';

/** What a value of each kind looks like; kinds without a shape accept anything. */
const SHAPES: Partial<Record<FieldKind, (value: string) => boolean>> = {
  number: (v) => readNumber(v) !== undefined,
  amount: (v) => /^[-+(]?\s*[$€£]?\s*[\d,]*\.?\d+\s*[-)]?$/.test(v.trim()),
  latitude: (v) => inRange(v, -90, 90),
  longitude: (v) => inRange(v, -180, 180),
  email: (v) => /^[^\s@]+@[^\s@]+$/.test(v.trim()),
  phone: (v) => /^[+(]?[\d\s().-]{7,20}$/.test(v.trim()) && (v.match(/\d/g)?.length ?? 0) >= 7,
  national_id: (v) => /^(\d{3}-?\d{2}-?\d{4}|[X*#]{3}-?[X*#]{2}-?\d{4})$/i.test(v.trim()),
  date: (v) =>
    parseIsoTimestamp(v.length === 10 ? `${v}T00:00:00` : v) !== undefined || parseInstant(v, 'mdy') !== undefined || parseInstant(v, 'dmy') !== undefined,
};

function inRange(value: string, low: number, high: number): boolean {
  const n = readNumber(value);
  return n !== undefined && n >= low && n <= high;
}

export interface ContentFit {
  /** Non-empty values looked at. */
  checked: number;
  /** Of those, how many have the field's shape. */
  fitting: number;
  /** The first value that does not, to show why a column was passed over. */
  firstMisfit?: string;
}

/** How well a column's sampled values fit a field. Instants are judged as a column: one encoding must read them all. */
export function contentFit(field: FieldSpec, sample: readonly string[]): ContentFit {
  const values = sample.map((v) => v.trim()).filter((v) => v !== '');
  if (field.kind === 'instant' && !field.accepts) {
    const detected = detectInstantEncoding(values);
    if (detected || values.length === 0) return { checked: values.length, fitting: values.length };
    const misfit = values.find((v) => !detectInstantEncoding([v]));
    return {
      checked: values.length,
      fitting: values.filter((v) => detectInstantEncoding([v])).length,
      ...(misfit ? { firstMisfit: misfit } : { firstMisfit: values[0]! }),
    };
  }
  const shape = field.accepts ?? SHAPES[field.kind];
  if (!shape) return { checked: values.length, fitting: values.length };
  let fitting = 0;
  let firstMisfit: string | undefined;
  for (const value of values) {
    if (shape(value)) fitting++;
    else firstMisfit ??= value;
  }
  return { checked: values.length, fitting, ...(firstMisfit !== undefined ? { firstMisfit } : {}) };
}

/** Nine in ten sampled values must fit: real columns carry the odd typo, which validation reports later. */
export function fits(fit: ContentFit): boolean {
  return fit.checked === 0 || fit.fitting / fit.checked >= 0.9;
}

/**
 * Most values fit, but not enough to confirm the column: a column named exactly for the field is
 * still taken when nothing fits better, so validation can point at each bad value by line
 * instead of the file being refused as lacking the field.
 */
export function mostlyFits(fit: ContentFit): boolean {
  return fit.checked > 0 && fit.fitting / fit.checked >= 0.5;
}
