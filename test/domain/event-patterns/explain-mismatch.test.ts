import { describe, expect, it } from 'vitest';
import { explainMismatch } from '#domain/event-patterns/index.js';

const event = { source: 'shop', 'detail-type': 'Order Placed', detail: { total: 12, lines: [{ sku: 'a' }, { sku: 'b' }], region: 'eu' } };

describe('explainMismatch', () => {
  it('names only the conditions the event fails, nested paths and $or blocks included', () => {
    expect(explainMismatch({ source: ['shop'], detail: { total: [{ numeric: ['>=', 20] }], region: ['eu'] } }, event)).toEqual([
      { field: 'detail.total', expected: [{ numeric: ['>=', 20] }], actual: 12 },
    ]);
    expect(explainMismatch({ detail: { $or: [{ total: [1] }, { region: ['us'] }] } }, event)).toEqual([
      { field: 'detail.$or', expected: [{ total: [1] }, { region: ['us'] }], actual: event.detail },
    ]);
  });

  it('reads arrays as the matcher does: a value in any element counts', () => {
    expect(explainMismatch({ detail: { lines: { sku: ['b'] } } }, event)).toEqual([]);
    expect(explainMismatch({ detail: { lines: { sku: ['c'] } } }, event)).toEqual([{ field: 'detail.lines.sku', expected: ['c'], actual: undefined }]);
  });
});
