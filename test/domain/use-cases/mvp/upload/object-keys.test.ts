import { describe, expect, it } from 'vitest';
import { curatedPrefix, fileNameOf, processedKey, stemOf, utcDay } from '#domain/use-cases/mvp/upload/object-keys.js';

describe('object keys', () => {
  it('takes the file name and its stem from an upload key', () => {
    expect(fileNameOf('uploads/mvp/q3/sales report.csv')).toBe('sales report.csv');
    expect(stemOf('uploads/mvp/archive.2024.tsv')).toBe('archive.2024');
    expect(stemOf('uploads/mvp/README')).toBe('README');
    expect(stemOf('uploads/mvp/.hidden')).toBe('.hidden');
  });

  it('names the processed copy after the upload, under the journey', () => {
    expect(processedKey('mvp', 'j-1', 'uploads/mvp/customers.csv')).toBe('processed/mvp/j-1/customers.ndjson');
  });

  it('partitions the curated area by the UTC date, whatever the local date is', () => {
    // 23:30 in New York on 31 December is already 1 January in UTC.
    const instant = new Date('2025-12-31T23:30:00-05:00');
    expect(utcDay(instant)).toBe('2026-01-01');
    expect(curatedPrefix('mvp', instant, 'j-1')).toBe('curated/mvp/2026/01/01/j-1/');
  });
});
