import { hash } from 'node:crypto';
import type { PiiKind } from './pii-detection.js';

/**
 * The salt for PII hashes. Stable on purpose: the same email hashes to the same token in every
 * journey, so masked data from different uploads still joins. Changing it breaks those joins,
 * hence the version suffix.
 */
export const PII_HASH_SALT = 'symphainy/insurance_ai/pii/v1';

/**
 * Masks one value so it can leave the PII boundary:
 * - national ids and phones keep their last four digits (enough to confirm an identity on a
 *   call, not enough to use it) and their punctuation; every other letter or digit becomes `*`;
 * - emails become a salted SHA-256 (`sha256:<hex>`), so they still work as a join key;
 * - person names become a salted pseudonym (`person:<16 hex>`), stable across rows.
 * The raw value never appears in the output.
 */
export function maskValue(kind: PiiKind, value: string, salt: string): string {
  switch (kind) {
    case 'national_id':
    case 'phone':
      return keepLastDigits(value, 4);
    case 'email':
      return `sha256:${saltedSha256(salt, 'email', value.trim().toLowerCase())}`;
    case 'person_name':
      return `person:${saltedSha256(salt, 'person_name', value.trim().replace(/\s+/g, ' ').toUpperCase()).slice(0, 16)}`;
  }
}

/** One-shot hashing: a Hash object per masked value was most of the masking pass's time. */
export function saltedSha256(salt: string, kind: string, value: string): string {
  return hash('sha256', `${salt}\u0000${kind}\u0000${value}`, 'hex');
}

/**
 * Hides every letter and digit but the last `keep` digits; a value with no more than `keep` digits
 * is hidden entirely. ASCII is decided by character code and only other characters go through the
 * Unicode class test: this runs on every id and phone of a large extract.
 */
export function keepLastDigits(value: string, keep: number): string {
  let digits = 0;
  for (let i = 0; i < value.length; i++) if (isAsciiDigit(value.charCodeAt(i))) digits++;
  let toKeep = digits > keep ? keep : 0;
  const out = new Array<string>(value.length);
  for (let i = value.length - 1; i >= 0; i--) {
    const code = value.charCodeAt(i);
    if (isAsciiDigit(code) && toKeep > 0) {
      out[i] = value[i]!;
      toKeep--;
    } else out[i] = isLetterOrDigit(code, value[i]!) ? '*' : value[i]!;
  }
  return out.join('');
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetterOrDigit(code: number, ch: string): boolean {
  if (code < 128) return isAsciiDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}
