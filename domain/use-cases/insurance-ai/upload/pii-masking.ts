import { createHash } from 'node:crypto';
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

export function saltedSha256(salt: string, kind: string, value: string): string {
  return createHash('sha256').update(`${salt}\u0000${kind}\u0000${value}`).digest('hex');
}

/** Hides every letter and digit but the last `keep` digits; a value with no more than `keep` digits is hidden entirely. */
export function keepLastDigits(value: string, keep: number): string {
  const digits = value.replace(/\D/g, '').length;
  let toKeep = digits > keep ? keep : 0;
  const out: string[] = [];
  for (let i = value.length - 1; i >= 0; i--) {
    const ch = value[i]!;
    if (/\d/.test(ch) && toKeep > 0) {
      out.push(ch);
      toKeep--;
    } else out.push(/[\p{L}\p{N}]/u.test(ch) ? '*' : ch);
  }
  return out.reverse().join('');
}
